import { describe, expect, it } from 'vitest';

import { backendName, frontendName, serverName, type StatRowDelta } from '@berth/lb';

import type { ObservedHealth } from '../services/targets/target-health.js';
import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

import { albMetricData } from './alb-metric-data.js';
import { loadBalancerDimension, targetGroupDimension } from './alb-metric-dimensions.js';
import type { AlbMetricDatum } from './alb-metric-sink.js';

const idOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

const delta = (
  pxname: string,
  svname: string,
  counts: Partial<StatRowDelta['counts']>,
  rtime = 0,
): StatRowDelta => ({
  pxname,
  svname,
  type: svname === 'FRONTEND' ? 'frontend' : svname === 'BACKEND' ? 'backend' : 'server',
  counts: {
    req_tot: 0,
    hrsp_1xx: 0,
    hrsp_2xx: 0,
    hrsp_3xx: 0,
    hrsp_4xx: 0,
    hrsp_5xx: 0,
    hrsp_other: 0,
    ...counts,
  },
  rtime,
});

/** An ALB whose listener forwards to `web-tg` (two targets) and, for /empty, to a group without targets. */
const stack = () => {
  const t = unitElbv2();
  const { lbArn, tgArn, listenerArn } = basicStack(t);
  t.call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '127.1.0.1' }, { Id: '127.1.0.2' }] });
  const empty = (
    t.call('CreateTargetGroup', {
      Name: 'empty',
      Protocol: 'HTTP',
      Port: 80,
      VpcId: 'vpc-1',
      TargetType: 'ip',
    }) as {
      TargetGroups: { TargetGroupArn: string }[];
    }
  ).TargetGroups[0]!.TargetGroupArn;
  t.call('CreateRule', {
    ListenerArn: listenerArn,
    Priority: 1,
    Conditions: [{ Field: 'path-pattern', Values: ['/empty'] }],
    Actions: [{ Type: 'forward', TargetGroupArn: empty }],
  });
  return { t, lbArn, tgArn, emptyArn: empty, listenerArn };
};

const find = (data: readonly AlbMetricDatum[], name: string, dimensions: string[]) =>
  data.filter(
    (d) => d.MetricName === name && d.Dimensions.map((x) => x.Value).join(' ') === dimensions.join(' '),
  );

describe('albMetricData', () => {
  const { t, lbArn, tgArn, emptyArn, listenerArn } = stack();
  const LB = loadBalancerDimension(lbArn).Value;
  const TG = targetGroupDimension(tgArn).Value;
  const EMPTY = targetGroupDimension(emptyArn).Value;
  const health = (_arn: string, target: { id: string }): ObservedHealth =>
    target.id === '127.1.0.1' ? { state: 'healthy' } : { state: 'unhealthy' };
  const backend = backendName(idOf(tgArn));
  // 10 requests: 6 to one target (2xx, 100 ms), 3 to the other (one 2xx, two 4xx, 300 ms), and one
  // to the empty group, which HAProxy answers 503 itself.
  const deltas = [
    delta(frontendName(idOf(listenerArn)), 'FRONTEND', {
      req_tot: 10,
      hrsp_2xx: 7,
      hrsp_4xx: 2,
      hrsp_5xx: 1,
    }),
    delta(backend, serverName('127.1.0.1', 8080), { req_tot: 6, hrsp_2xx: 6 }, 100),
    delta(backend, serverName('127.1.0.2', 8080), { req_tot: 3, hrsp_2xx: 1, hrsp_4xx: 2 }, 300),
    delta(backend, 'BACKEND', { req_tot: 9, hrsp_2xx: 7, hrsp_4xx: 2 }),
    delta(backendName(idOf(emptyArn)), 'BACKEND', { req_tot: 1, hrsp_5xx: 1 }),
  ];
  const snapshot = t.module.snapshot();
  const [only, ...others] = albMetricData({ snapshot, deltas, health, timestamp: 1_700_000_060 });
  const data = only?.data ?? [];
  const sum = (name: string, dimensions: string[]) =>
    find(data, name, dimensions).map((d) => d.StatisticValues.Sum);

  it('uses the ARN suffixes as dimension values, in the load balancer’s partition', () => {
    expect(LB).toMatch(/^app\/web\/[0-9a-f]+$/);
    expect(TG).toMatch(/^targetgroup\/web-tg\/[0-9a-f]+$/);
    expect(others).toEqual([]);
    expect(only?.partition).toEqual({ accountId: '123456789012', region: 'us-east-1' });
    expect(new Set(data.map((d) => d.Timestamp))).toEqual(new Set([1_700_000_060]));
  });

  it('counts requests a target was chosen for, per load balancer and per target group', () => {
    expect(sum('RequestCount', [LB])).toEqual([9]);
    expect(sum('RequestCount', [TG, LB])).toEqual([9]);
    expect(sum('RequestCount', [EMPTY, LB])).toEqual([0]);
    // One healthy target takes the group's 9.
    expect(sum('RequestCountPerTarget', [TG, LB])).toEqual([9]);
    expect(sum('RequestCountPerTarget', [TG])).toEqual([9]);
  });

  it('splits response codes between targets and the load balancer, reporting only non-zero ones', () => {
    expect(sum('HTTPCode_Target_2XX_Count', [LB])).toEqual([7]);
    expect(sum('HTTPCode_Target_4XX_Count', [TG, LB])).toEqual([2]);
    expect(sum('HTTPCode_Target_5XX_Count', [LB])).toEqual([]);
    expect(sum('HTTPCode_ELB_5XX_Count', [LB])).toEqual([1]);
    expect(sum('HTTPCode_ELB_4XX_Count', [LB])).toEqual([]);
  });

  it('weights each target’s mean response time by its requests', () => {
    const [trt] = find(data, 'TargetResponseTime', [LB]);
    expect(trt?.Unit).toBe('Seconds');
    expect(trt?.StatisticValues).toEqual({
      SampleCount: 9,
      Sum: 6 * 0.1 + 3 * 0.3,
      Minimum: 0.1,
      Maximum: 0.3,
    });
    expect(find(data, 'TargetResponseTime', [EMPTY, LB])).toEqual([]);
  });

  it('counts healthy and unhealthy targets per {TargetGroup, LoadBalancer}', () => {
    expect(sum('HealthyHostCount', [TG, LB])).toEqual([1]);
    expect(sum('UnHealthyHostCount', [TG, LB])).toEqual([1]);
    expect(sum('HealthyHostCount', [EMPTY, LB])).toEqual([0]);
  });

  it('divides by registered targets when none is healthy', () => {
    const [partition] = albMetricData({ snapshot, deltas, health: () => undefined, timestamp: 0 });
    expect(
      find(partition?.data ?? [], 'RequestCountPerTarget', [TG]).map((d) => d.StatisticValues.Sum),
    ).toEqual([4.5]);
  });

  it('reports only health without requests: no traffic, or no previous sample', () => {
    const quiet = deltas.map((d) => ({ ...d, counts: { ...d.counts, req_tot: 0 } }));
    for (const input of [quiet, undefined]) {
      const [partition] = albMetricData({ snapshot, deltas: input, health, timestamp: 0 });
      expect(new Set(partition?.data.map((d) => d.MetricName))).toEqual(
        new Set(['HealthyHostCount', 'UnHealthyHostCount']),
      );
    }
  });
});
