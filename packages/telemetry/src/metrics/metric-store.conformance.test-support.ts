/** The behaviour every MetricStore must have, run against each implementation. */
import { afterEach, describe, expect, it } from 'vitest';

import type { MetricPoint, MetricScope, MetricSeries, MetricStore } from './metric-store.js';

const SCOPE: MetricScope = { accountId: '123456789012', region: 'us-east-1' };
const OTHER: MetricScope = { accountId: '123456789012', region: 'eu-west-1' };
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const series = (metricName = 'Latency', dims: Record<string, string> = { Service: 'web' }): MetricSeries => ({
  namespace: 'App',
  metricName,
  dimensions: Object.entries(dims).map(([name, value]) => ({ name, value })),
});

const point = (value: number, periodStart: number, overrides: Partial<MetricPoint> = {}): MetricPoint => ({
  series: series(),
  unit: 'Milliseconds',
  resolution: 60,
  periodStart,
  statistics: { sampleCount: 1, sum: value, minimum: value, maximum: value },
  ...overrides,
});

export const metricStoreConformance = (name: string, open: () => MetricStore): void => {
  describe(`MetricStore conformance: ${name}`, () => {
    let store: MetricStore | undefined;
    const opened = (): MetricStore => (store = open());
    afterEach(() => store?.close());

    it('merges points of one bucket into one statistic set', async () => {
      const s = opened();
      await s.putPoints(SCOPE, [point(5, T0), point(9, T0), point(1, T0 + MINUTE)], T0);
      await s.putPoints(SCOPE, [point(2, T0)], T0);
      const points = await s.readPoints(SCOPE, { series: series(), from: T0, to: T0 + HOUR });
      expect(points.map((p) => [p.periodStart, p.statistics])).toEqual([
        [T0, { sampleCount: 3, sum: 16, minimum: 2, maximum: 9 }],
        [T0 + MINUTE, { sampleCount: 1, sum: 1, minimum: 1, maximum: 1 }],
      ]);
    });

    it('keeps series apart by dimensions (in any order), unit, resolution and scope', async () => {
      const s = opened();
      const twoDims = series('Latency', { B: '2', A: '1' });
      await s.putPoints(SCOPE, [point(1, T0, { series: twoDims }), point(2, T0, { unit: 'Seconds' })], T0);
      await s.putPoints(SCOPE, [point(3, T0, { resolution: 1 })], T0);
      await s.putPoints(OTHER, [point(4, T0)], T0);
      const reversed = series('Latency', { A: '1', B: '2' });
      const ofTwo = await s.readPoints(SCOPE, { series: reversed, from: T0, to: T0 + 1 });
      expect(ofTwo.map((p) => p.statistics.sum)).toEqual([1]);
      expect(ofTwo[0]!.series.dimensions.map((d) => d.name)).toEqual(['A', 'B']);
      const all = await s.readPoints(SCOPE, { series: series(), from: T0, to: T0 + 1 });
      expect(all.map((p) => [p.resolution, p.unit, p.statistics.sum])).toEqual([
        [1, 'Milliseconds', 3],
        [60, 'Seconds', 2],
      ]);
      const seconds = await s.readPoints(SCOPE, { series: series(), from: T0, to: T0 + 1, unit: 'Seconds' });
      expect(seconds.map((p) => p.statistics.sum)).toEqual([2]);
      const other = await s.readPoints(OTHER, { series: series(), from: T0, to: T0 + 1 });
      expect(other.map((p) => p.statistics.sum)).toEqual([4]);
    });

    it('reads [from, to)', async () => {
      const s = opened();
      await s.putPoints(
        SCOPE,
        [0, 1, 2, 3].map((i) => point(i, T0 + i * MINUTE)),
        T0,
      );
      const points = await s.readPoints(SCOPE, { series: series(), from: T0 + MINUTE, to: T0 + 3 * MINUTE });
      expect(points.map((p) => p.statistics.sum)).toEqual([1, 2]);
    });

    it('lists series by namespace, name, dimensions and activity, in order', async () => {
      const s = opened();
      await s.putPoints(SCOPE, [point(1, T0, { series: series('Errors', { Service: 'api' }) })], T0);
      await s.putPoints(
        SCOPE,
        [point(1, T0, { series: series('Latency', { Service: 'web', Az: 'a' }) })],
        T0 + HOUR,
      );
      await s.putPoints(SCOPE, [point(1, T0, { series: { ...series(), namespace: 'Other' } })], T0);
      const names = (list: MetricSeries[]): string[] =>
        list.map(
          (m) => `${m.namespace}/${m.metricName}${m.dimensions.map((d) => `,${d.name}=${d.value}`).join('')}`,
        );
      expect(names(await s.listSeries(SCOPE, {}))).toEqual([
        'App/Errors,Service=api',
        'App/Latency,Az=a,Service=web',
        'Other/Latency,Service=web',
      ]);
      expect(names(await s.listSeries(SCOPE, { namespace: 'App', metricName: 'Latency' }))).toEqual([
        'App/Latency,Az=a,Service=web',
      ]);
      expect(names(await s.listSeries(SCOPE, { dimensions: [{ name: 'Service', value: 'web' }] }))).toEqual([
        'App/Latency,Az=a,Service=web',
        'Other/Latency,Service=web',
      ]);
      expect(names(await s.listSeries(SCOPE, { dimensions: [{ name: 'Az' }] }))).toEqual([
        'App/Latency,Az=a,Service=web',
      ]);
      expect(names(await s.listSeries(SCOPE, { activeSince: T0 + 1 }))).toEqual([
        'App/Latency,Az=a,Service=web',
      ]);
      expect(await s.listSeries(OTHER, {})).toEqual([]);
    });

    it('rolls points up and expires them as CloudWatch retains them', async () => {
      const s = opened();
      const now = T0 + 500 * DAY;
      await s.putPoints(
        SCOPE,
        [
          point(1, now - 4 * HOUR, { resolution: 1 }),
          point(2, now - 4 * HOUR + 1000, { resolution: 1 }),
          point(3, now - HOUR, { resolution: 1 }),
          point(4, now - 16 * DAY),
          point(6, now - 16 * DAY + MINUTE),
          point(7, now - 100 * DAY, { resolution: 300 }),
          point(8, now - 456 * DAY, { resolution: 3600 }),
        ],
        now,
      );
      const outcome = await s.sweep(now);
      expect(outcome).toEqual({ rolledUp: 5, expired: 1 });
      const points = await s.readPoints(SCOPE, { series: series(), from: 0, to: now });
      expect(points.map((p) => [p.resolution, now - p.periodStart, p.statistics.sum])).toEqual([
        [3600, 100 * DAY, 7],
        [300, 16 * DAY, 10],
        [60, 4 * HOUR, 3],
        [1, HOUR, 3],
      ]);
      expect(points[1]!.statistics).toEqual({ sampleCount: 2, sum: 10, minimum: 4, maximum: 6 });
      expect(await s.sweep(now)).toEqual({ rolledUp: 0, expired: 0 });
    });
  });
};
