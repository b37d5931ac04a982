import { describe, expect, it } from 'vitest';

import { backendName, frontendName, serverName, type StatRow, type StatSample } from '@berth/lb';
import type { Partition } from '@berth/core';

import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

import { AlbMetricsCollector } from './alb-metrics-collector.js';
import type { AlbMetricDatum } from './alb-metric-sink.js';

const idOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

const row = (pxname: string, svname: string, req_tot: number): StatRow => ({
  pxname,
  svname,
  type: svname === 'FRONTEND' ? 'frontend' : 'server',
  status: 'UP',
  scur: 0,
  stot: req_tot,
  req_tot,
  hrsp_1xx: 0,
  hrsp_2xx: req_tot,
  hrsp_3xx: 0,
  hrsp_4xx: 0,
  hrsp_5xx: 0,
  hrsp_other: 0,
  rtime: 5,
  weight: 100,
  fields: {},
});

describe('AlbMetricsCollector', () => {
  const setup = (samples: (StatSample | Error)[]) => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const published: { partition: Partition; namespace: string; data: readonly AlbMetricDatum[] }[] = [];
    const logged: string[] = [];
    const collector = new AlbMetricsCollector({
      runtimeApi: {
        statSample: () => {
          const next = samples.shift();
          return next instanceof Error || next === undefined
            ? Promise.reject(next ?? new Error('no sample'))
            : Promise.resolve(next);
        },
      },
      elbv2: t.module,
      board: { observed: () => ({ state: 'healthy' }) },
      sink: {
        putMetricData: (partition, namespace, data) => void published.push({ partition, namespace, data }),
      },
      intervalMs: 60_000,
      now: () => 1_700_000_000_000,
      log: (message) => logged.push(message),
    });
    const frontend = frontendName(idOf(listenerArn));
    const server = [backendName(idOf(tgArn)), serverName('127.1.0.1', 8080)] as const;
    return { collector, published, logged, frontend, server };
  };

  const requests = (entry: { data: readonly AlbMetricDatum[] } | undefined): number | undefined =>
    entry?.data.find((d) => d.MetricName === 'RequestCount' && d.Dimensions.length === 1)?.StatisticValues
      .Sum;

  it('takes a baseline first, then publishes each interval’s requests to AWS/ApplicationELB', async () => {
    const samples: StatSample[] = [];
    const { collector, published, frontend, server } = setup(samples);
    samples.push(
      { workerPid: 1, rows: [row(frontend, 'FRONTEND', 40), row(...server, 40)] },
      { workerPid: 1, rows: [row(frontend, 'FRONTEND', 45), row(...server, 45)] },
    );
    await collector.collect();
    await collector.collect();
    expect(published.map((p) => [p.namespace, requests(p)])).toEqual([
      ['AWS/ApplicationELB', undefined],
      ['AWS/ApplicationELB', 5],
    ]);
    expect(published[1]?.partition).toEqual({ accountId: '123456789012', region: 'us-east-1' });
  });

  it('logs a failed sample and carries on at the next interval', async () => {
    const { collector, published, logged } = setup([new Error('socket gone')]);
    await expect(collector.collect()).resolves.toBeUndefined();
    expect(logged).toEqual(['ALB metrics collection failed']);
    expect(published).toEqual([]);
  });

  it('carries the counts sampled before a reload into the next interval, and the new worker’s from zero', async () => {
    const samples: StatSample[] = [];
    const { collector, published, frontend, server } = setup(samples);
    samples.push(
      { workerPid: 1, rows: [row(frontend, 'FRONTEND', 40), row(...server, 40)] },
      { workerPid: 1, rows: [row(frontend, 'FRONTEND', 45), row(...server, 45)] },
      { workerPid: 2, rows: [row(frontend, 'FRONTEND', 3), row(...server, 3)] },
    );
    await collector.collect();
    await collector.beforeReload();
    await collector.collect();
    expect(published.map(requests)).toEqual([undefined, 8]);
  });
});
