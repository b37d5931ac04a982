/**
 * PURE: one interval of AWS/ApplicationELB metrics from HAProxy's counter deltas and the health
 * checker's view, mapped back to load balancers and target groups by the names the renderer gives
 * (`ls_<listener id>` frontends, `tg_<target group id>` backends, one server per target).
 *
 * - Request metrics, only for a load balancer whose listeners received requests in the interval
 *   (ALB reports nothing without traffic): RequestCount ({LoadBalancer}, {TargetGroup,
 *   LoadBalancer}) and RequestCountPerTarget ({TargetGroup}, {TargetGroup, LoadBalancer}) always,
 *   zeros included; HTTPCode_Target_{2,3,4,5}XX_Count, TargetResponseTime and
 *   HTTPCode_ELB_{3,4,5}XX_Count ({LoadBalancer} only) when not zero.
 * - RequestCount counts requests a target was chosen for (its servers' requests): requests HAProxy
 *   answered itself (a fixed response, a redirect, a 503 without targets) are not in it, as on ALB.
 * - ELB codes are the listeners' responses less the targets' responses, per class.
 * - TargetResponseTime (seconds): each server's `rtime` (the mean time from sending the request to
 *   the response headers over its last 1024 responses) weighted by its requests in the interval;
 *   the statistic set's SampleCount is the requests, so Average is per request, as on ALB; Minimum
 *   and Maximum are the lowest and highest per-target means, not single requests.
 * - HealthyHostCount and UnHealthyHostCount ({TargetGroup, LoadBalancer}) every interval, from
 *   the health checker, for every target group a listener forwards to.
 */
import type { Partition } from '@berth/core';
import { partitionKey, partitionOfArn } from '@berth/core';
import { backendName, frontendName, type StatRowDelta } from '@berth/lb';

import type { Elbv2Snapshot } from '../data-plane-model.js';
import type { RegisteredTargetRecord } from '../records/registered-target-record.js';
import type { TargetGroupRecord } from '../records/target-group-record.js';
import type { ObservedHealth } from '../services/targets/target-health.js';

import { loadBalancerDimension, targetGroupDimension } from './alb-metric-dimensions.js';
import type { AlbMetricDatum, AlbMetricDimension } from './alb-metric-sink.js';

export interface AlbMetricInputs {
  readonly snapshot: Elbv2Snapshot;
  /** Counts since the previous sample; undefined when there is none yet (health only). */
  readonly deltas: readonly StatRowDelta[] | undefined;
  readonly health: (targetGroupArn: string, target: RegisteredTargetRecord) => ObservedHealth | undefined;
  /** The end of the interval, epoch seconds. */
  readonly timestamp: number;
}

export interface PartitionMetricData {
  readonly partition: Partition;
  readonly data: readonly AlbMetricDatum[];
}

const CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
type ResponseClass = (typeof CLASSES)[number];

/** What one target group's servers did in the interval. */
interface GroupTraffic {
  readonly requests: number;
  readonly responses: Readonly<Record<ResponseClass, number>>;
  /** Σ requests × mean response time (s), and the lowest and highest per-server means. */
  readonly seconds: { readonly sum: number; readonly min: number; readonly max: number } | undefined;
}

const statistic = (
  name: string,
  dimensions: readonly AlbMetricDimension[],
  timestamp: number,
  set: AlbMetricDatum['StatisticValues'],
  unit: AlbMetricDatum['Unit'],
): AlbMetricDatum => ({
  MetricName: name,
  Dimensions: dimensions,
  Timestamp: timestamp,
  StatisticValues: set,
  Unit: unit,
  StorageResolution: 60,
});

const count = (name: string, dimensions: readonly AlbMetricDimension[], timestamp: number, value: number) =>
  statistic(
    name,
    dimensions,
    timestamp,
    { SampleCount: 1, Sum: value, Minimum: value, Maximum: value },
    'Count',
  );

const groupTraffic = (servers: readonly StatRowDelta[]): GroupTraffic => {
  const responses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  let requests = 0;
  let seconds: GroupTraffic['seconds'];
  for (const server of servers) {
    requests += server.counts.req_tot;
    for (const c of CLASSES) responses[c] += server.counts[`hrsp_${c}`];
    if (server.counts.req_tot === 0) continue;
    const mean = server.rtime / 1000;
    const sum = server.counts.req_tot * mean;
    seconds = seconds
      ? { sum: seconds.sum + sum, min: Math.min(seconds.min, mean), max: Math.max(seconds.max, mean) }
      : { sum, min: mean, max: mean };
  }
  return { requests, responses, seconds };
};

const mergeTraffic = (groups: readonly GroupTraffic[]): GroupTraffic => ({
  requests: groups.reduce((n, g) => n + g.requests, 0),
  responses: Object.fromEntries(
    CLASSES.map((c) => [c, groups.reduce((n, g) => n + g.responses[c], 0)]),
  ) as Record<ResponseClass, number>,
  seconds: groups.reduce<GroupTraffic['seconds']>(
    (acc, g) =>
      !g.seconds
        ? acc
        : !acc
          ? g.seconds
          : {
              sum: acc.sum + g.seconds.sum,
              min: Math.min(acc.min, g.seconds.min),
              max: Math.max(acc.max, g.seconds.max),
            },
    undefined,
  ),
});

/** RequestCount, HTTPCode_Target_*, TargetResponseTime for one traffic total under `dimensions`. */
const trafficData = (traffic: GroupTraffic, dimensions: readonly AlbMetricDimension[], timestamp: number) => {
  const data = [count('RequestCount', dimensions, timestamp, traffic.requests)];
  for (const c of CLASSES) {
    const n = traffic.responses[c];
    if (n > 0) data.push(count(`HTTPCode_Target_${c.toUpperCase()}_Count`, dimensions, timestamp, n));
  }
  if (traffic.seconds && traffic.requests > 0) {
    const { sum, min, max } = traffic.seconds;
    data.push(
      statistic(
        'TargetResponseTime',
        dimensions,
        timestamp,
        { SampleCount: traffic.requests, Sum: sum, Minimum: min, Maximum: max },
        'Seconds',
      ),
    );
  }
  return data;
};

/** The target groups each load balancer's listener rules forward to. */
const groupsByLoadBalancer = (snapshot: Elbv2Snapshot): Map<string, Set<string>> => {
  const listenerLb = new Map(snapshot.listeners.map((l) => [l.arn, l.loadBalancerArn]));
  const groups = new Map<string, Set<string>>(
    snapshot.loadBalancers.map((lb) => [lb.arn, new Set<string>()]),
  );
  for (const rule of snapshot.rules) {
    const lb = listenerLb.get(rule.listenerArn);
    for (const action of rule.actions) {
      if (action.type !== 'forward' || lb === undefined) continue;
      for (const t of action.targetGroups) groups.get(lb)?.add(t.targetGroupArn);
    }
  }
  return groups;
};

/** What one load balancer's metrics are computed from. */
interface LoadBalancerView {
  readonly dimension: AlbMetricDimension;
  readonly groups: readonly TargetGroupRecord[];
  readonly targetsOf: (group: TargetGroupRecord) => readonly RegisteredTargetRecord[];
  readonly rowsOf: (pxname: string) => readonly StatRowDelta[];
  readonly health: AlbMetricInputs['health'];
  readonly timestamp: number;
}

const healthData = (lb: LoadBalancerView): AlbMetricDatum[] =>
  lb.groups.flatMap((group) => {
    const states = lb.targetsOf(group).map((t) => lb.health(group.arn, t)?.state);
    const both = [targetGroupDimension(group.arn), lb.dimension];
    return [
      count('HealthyHostCount', both, lb.timestamp, states.filter((s) => s === 'healthy').length),
      count('UnHealthyHostCount', both, lb.timestamp, states.filter((s) => s === 'unhealthy').length),
    ];
  });

/** Requests ÷ healthy targets, or ÷ registered targets when none is healthy (as ALB divides). */
const perTarget = (lb: LoadBalancerView, group: TargetGroupRecord, requests: number): number => {
  const targets = lb.targetsOf(group);
  const healthy = targets.filter((t) => lb.health(group.arn, t)?.state === 'healthy').length;
  return requests / Math.max(1, healthy > 0 ? healthy : targets.length);
};

const requestData = (lb: LoadBalancerView, frontends: readonly StatRowDelta[]): AlbMetricDatum[] => {
  const data: AlbMetricDatum[] = [];
  const traffic = lb.groups.map((group) => {
    const t = groupTraffic(lb.rowsOf(backendName(group.id)).filter((r) => r.type === 'server'));
    const groupOnly = [targetGroupDimension(group.arn)];
    const both = [...groupOnly, lb.dimension];
    const each = perTarget(lb, group, t.requests);
    data.push(
      ...trafficData(t, both, lb.timestamp),
      count('RequestCountPerTarget', both, lb.timestamp, each),
      count('RequestCountPerTarget', groupOnly, lb.timestamp, each),
    );
    return t;
  });
  const total = mergeTraffic(traffic);
  data.push(...trafficData(total, [lb.dimension], lb.timestamp));
  for (const c of ['3xx', '4xx', '5xx'] as const) {
    const answered = frontends.reduce((n, f) => n + f.counts[`hrsp_${c}`], 0);
    const elb = Math.max(0, answered - total.responses[c]);
    if (elb > 0) data.push(count(`HTTPCode_ELB_${c.toUpperCase()}_Count`, [lb.dimension], lb.timestamp, elb));
  }
  return data;
};

export const albMetricData = (inputs: AlbMetricInputs): readonly PartitionMetricData[] => {
  const { snapshot, timestamp } = inputs;
  const rows = new Map<string, StatRowDelta[]>();
  for (const row of inputs.deltas ?? []) rows.set(row.pxname, [...(rows.get(row.pxname) ?? []), row]);
  const groupsOf = groupsByLoadBalancer(snapshot);
  const byPartition = new Map<string, { partition: Partition; data: AlbMetricDatum[] }>();
  for (const record of snapshot.loadBalancers) {
    const partition = partitionOfArn(record.arn);
    const key = partitionKey(partition);
    const entry = byPartition.get(key) ?? { partition, data: [] };
    byPartition.set(key, entry);
    const lb: LoadBalancerView = {
      dimension: loadBalancerDimension(record.arn),
      groups: snapshot.targetGroups.filter((g) => groupsOf.get(record.arn)?.has(g.arn)),
      targetsOf: (group) =>
        snapshot.targets.filter((t) => t.targetGroupArn === group.arn && t.state === 'registered'),
      rowsOf: (pxname) => rows.get(pxname) ?? [],
      health: inputs.health,
      timestamp,
    };
    entry.data.push(...healthData(lb));
    const frontends = snapshot.listeners
      .filter((l) => l.loadBalancerArn === record.arn)
      .flatMap((l) => lb.rowsOf(frontendName(l.id)).filter((r) => r.type === 'frontend'));
    if (frontends.some((f) => f.counts.req_tot > 0)) entry.data.push(...requestData(lb, frontends));
  }
  return [...byPartition.values()].filter((p) => p.data.length > 0);
};
