/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { putMinutes, T0, unitCloudWatch } from '../../test-support/cloudwatch.test-support.js';

const stat = (id: string, metricName: string, extra: object = {}): object => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'App', MetricName: metricName, Dimensions: [{ Name: 'Service', Value: 'web' }] },
    Period: 60,
    Stat: 'Sum',
  },
  ...extra,
});

const get = (queries: object[], extra: object = {}): object => ({
  MetricDataQueries: queries,
  StartTime: T0,
  EndTime: T0 + 300,
  ScanBy: 'TimestampAscending',
  ...extra,
});

const byId = (out: Record<string, any>): Record<string, [number[], number[]]> =>
  Object.fromEntries(
    out['MetricDataResults'].map((r: any) => [
      r.Label ?? r.Id,
      [r.Timestamps.map((t: number) => t - T0), r.Values],
    ]),
  );

describe('GetMetricData', () => {
  it('evaluates MetricStat queries and arithmetic, aggregates, RATE and FILL over them', async () => {
    const t = unitCloudWatch();
    await putMinutes(t, [10, 20, 40], 'Requests');
    await putMinutes(t, [1, 2], 'Errors');
    const out = await t.call(
      'GetMetricData',
      get([
        stat('r', 'Requests', { ReturnData: false }),
        stat('e', 'Errors'),
        { Id: 'rate', Expression: '100 * e / r', Label: 'ErrorRate' },
        { Id: 'total', Expression: 'SUM([r, e])' },
        { Id: 'perSecond', Expression: 'RATE(r)' },
        { Id: 'filled', Expression: 'FILL(e, 0)' },
        { Id: 'repeated', Expression: 'FILL(e, REPEAT)' },
        { Id: 'shifted', Expression: '-(r - AVG(r))' },
      ]),
    );
    expect(byId(out)).toEqual({
      Errors: [
        [0, 60],
        [1, 2],
      ],
      ErrorRate: [
        [0, 60],
        [10, 10],
      ],
      total: [
        [0, 60, 120],
        [11, 22, 40],
      ],
      perSecond: [
        [60, 120],
        [10 / 60, 20 / 60],
      ],
      filled: [
        [0, 60, 120, 180, 240],
        [1, 2, 0, 0, 0],
      ],
      repeated: [
        [0, 60, 120, 180, 240],
        [1, 2, 2, 2, 2],
      ],
      shifted: [
        [0, 60, 120],
        [70 / 3 - 10, 70 / 3 - 20, 70 / 3 - 40],
      ],
    });
    expect(out['MetricDataResults'].every((r: any) => r.StatusCode === 'Complete')).toBe(true);
  });

  it('SEARCHes by namespace schema, dimension names and terms', async () => {
    const t = unitCloudWatch();
    await putMinutes(t, [1], 'CPU', 'web');
    await putMinutes(t, [2], 'CPU', 'api');
    await putMinutes(t, [3], 'Memory', 'web');
    const out = await t.call(
      'GetMetricData',
      get([
        { Id: 's', Expression: `SEARCH('{App,Service} MetricName="CPU"', 'Maximum', 60)` },
        { Id: 'n', Expression: `SUM(SEARCH('{App,Service} web', 'Sum', 60))` },
      ]),
    );
    expect(byId(out)).toEqual({ api: [[0], [2]], web: [[0], [1]], n: [[0], [4]] });
  });

  it('pages datapoints newest first with NextToken and PartialData', async () => {
    const t = unitCloudWatch();
    await putMinutes(t, [1, 2, 3], 'A');
    await putMinutes(t, [4, 5], 'B');
    const queries = [stat('a', 'A'), stat('b', 'B')];
    const first = await t.call(
      'GetMetricData',
      get(queries, { MaxDatapoints: 4, ScanBy: 'TimestampDescending' }),
    );
    expect(byId(first)).toEqual({
      A: [
        [120, 60, 0],
        [3, 2, 1],
      ],
      B: [[60], [5]],
    });
    expect(first['MetricDataResults'][0].StatusCode).toBe('PartialData');
    const second = await t.call(
      'GetMetricData',
      get(queries, { MaxDatapoints: 4, ScanBy: 'TimestampDescending', NextToken: first['NextToken'] }),
    );
    expect(byId(second)).toEqual({ B: [[0], [4]] });
    expect(second['NextToken']).toBeUndefined();
    expect(second['MetricDataResults'][0].StatusCode).toBe('Complete');
  });

  it('answers CloudWatch errors for bad queries and expressions', async () => {
    const t = unitCloudWatch();
    expect(await t.errorOf('GetMetricData', get([]))).toBe(
      'MissingParameter: The parameter MetricDataQueries is required.',
    );
    expect(await t.errorOf('GetMetricData', get([stat('A', 'x')]))).toBe(
      'InvalidParameterValue: The value A for parameter MetricDataQueries.member.1.Id is invalid.',
    );
    expect(await t.errorOf('GetMetricData', get([{ Id: 'e', Expression: 'e + 1' }]))).toBe(
      'InvalidParameterValue: Error in expression e: The expression e refers to itself.',
    );
    expect(await t.errorOf('GetMetricData', get([{ Id: 'e', Expression: '1 +' }]))).toBe(
      'InvalidParameterValue: Error in expression e: Unexpected end of expression.',
    );
    expect(await t.errorOf('GetMetricData', get([{ Id: 'e', Expression: '2 * 3' }]))).toMatch(
      /returns a number, not a time series/,
    );
    expect(
      await t.errorOf(
        'GetMetricData',
        get([
          stat('p', 'x', {
            MetricStat: { Metric: { Namespace: 'App', MetricName: 'x' }, Period: 60, Stat: 'p99' },
          }),
        ]),
      ),
    ).toMatch(/^InvalidParameterCombination: .*p99/);
    expect(await t.errorOf('GetMetricData', get([stat('a', 'A')], { NextToken: 'x' }))).toBe(
      'InvalidNextToken: The NextToken is invalid.',
    );
  });
});
