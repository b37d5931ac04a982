import { describe, expect, it } from 'vitest';

import { MemoryStateStore } from '@berth/store';

import { apiErrorOf, UNIT_PARTITION } from '../../test-support/unit.test-support.js';
import { RetentionController } from '../../controllers/retention-controller.js';
import { ClustersService } from '../clusters/clusters-service.js';
import { KIND, type TaskRecord } from '../records.js';
import { randomIds, type ServiceDeps } from '../service-deps.js';

import { DEFAULT_FARGATE_PRICES } from './fargate-prices.js';
import { CLUSTER_ARN, T0, fargateTask, taskArnFor, without } from './usage-fixtures.test-support.js';
import { UsageService } from './usage-service.js';

const partition = UNIT_PARTITION;
const HOUR_MS = 3_600_000;

const setup = (tasks: TaskRecord[]) => {
  let nowMs = (T0 + 1000) * 1000;
  const store = new MemoryStateStore();
  const deps: ServiceDeps = { store, now: () => nowMs, ids: randomIds };
  const clusters = new ClustersService(deps);
  clusters.create(partition, { clusterName: 'default' });
  clusters.create(partition, { clusterName: 'other' });
  store.transact((tx) => {
    for (const t of tasks) tx.put(KIND.task, t.task.taskArn ?? '', t.clusterArn, t);
  });
  return {
    store,
    usage: new UsageService(deps, DEFAULT_FARGATE_PRICES),
    retention: new RetentionController(store, () => nowMs, HOUR_MS),
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
};

const ids = (rows: readonly { taskArn: string }[]): string[] =>
  rows.map((r) => r.taskArn.slice(r.taskArn.lastIndexOf('/') + 1));

describe('UsageService', () => {
  const running = without(
    fargateTask('run', {
      group: 'service:api',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      pullStartedAt: T0 + 10,
    }),
    'stoppedAt',
  );
  const tasks = [
    fargateTask('stopped'),
    running,
    fargateTask('ec2', { launchType: 'EC2' }),
    without(
      fargateTask('provisioning', { lastStatus: 'PROVISIONING' }),
      'pullStartedAt',
      'startedAt',
      'stoppedAt',
    ),
    fargateTask('elsewhere', {}, 'arn:aws:ecs:us-east-1:000000000000:cluster/other'),
  ];

  it('reports the metered FARGATE tasks of one cluster, oldest first, with totals and prices', () => {
    const report = setup(tasks).usage.report(partition, {});
    expect(ids(report.rows)).toEqual(['stopped', 'run']);
    expect(report.rows[1]).toMatchObject({ running: true, billedSeconds: 990, serviceName: 'api' });
    expect(report.totals.tasks).toBe(2);
    expect(report.totals.vcpuSeconds).toBe(0.25 * (91 + 990));
    expect(report.totals.estimatedCost).toBeCloseTo(
      report.rows.reduce((sum, r) => sum + r.estimatedCost, 0),
      15,
    );
    expect(report.prices).toEqual({ vcpuHour: 0.04048, gbHour: 0.004445, storageGbHour: 0.000111 });
    expect(report.currency).toBe('USD');
    expect(ids(setup(tasks).usage.report(partition, { cluster: 'other' }).rows)).toEqual(['elsewhere']);
  });

  it('filters by service name (or ARN) and by task id or ARN', () => {
    const { usage } = setup(tasks);
    expect(ids(usage.report(partition, { serviceName: 'api' }).rows)).toEqual(['run']);
    expect(
      ids(
        usage.report(partition, { serviceName: 'arn:aws:ecs:us-east-1:000000000000:service/default/web' })
          .rows,
      ),
    ).toEqual(['stopped']);
    expect(ids(usage.report(partition, { task: 'stopped' }).rows)).toEqual(['stopped']);
    expect(ids(usage.report(partition, { cluster: CLUSTER_ARN, task: taskArnFor('run') }).rows)).toEqual([
      'run',
    ]);
    expect(usage.report(partition, { task: 'ec2' }).totals.tasks).toBe(0);
  });

  it('answers an unknown cluster with ClusterNotFoundException', () => {
    const { usage } = setup([]);
    expect(apiErrorOf(() => usage.report(partition, { cluster: 'nope' }))).toBe(
      'ClusterNotFoundException: Cluster not found.',
    );
  });

  it('keeps a purged FARGATE task in the report through its archived usage', () => {
    const { store, usage, retention, advance } = setup(tasks);
    const before = usage.report(partition, {});
    advance(2 * HOUR_MS + 90_000);
    expect(retention.sweep()).toBe(3); // stopped, ec2 and elsewhere: STOPPED for over an hour
    expect(store.get(KIND.task, taskArnFor('stopped'))).toBeUndefined();
    expect(store.list(KIND.usage, CLUSTER_ARN)).toHaveLength(1); // only the metered FARGATE task
    expect(store.count(KIND.usage)).toBe(2); // and the one of the other cluster
    const after = usage.report(partition, {});
    expect(ids(after.rows)).toEqual(['stopped', 'run']);
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(ids(usage.report(partition, { task: 'stopped' }).rows)).toEqual(['stopped']);
    expect(ids(usage.report(partition, { serviceName: 'web' }).rows)).toEqual(['stopped']);
  });

  it('prices archived usage with the current prices', () => {
    const { store, retention, advance } = setup([fargateTask('stopped')]);
    advance(2 * HOUR_MS);
    retention.sweep();
    const deps: ServiceDeps = { store, now: () => 0, ids: randomIds };
    const free = new UsageService(deps, { vcpuHour: 0, gbHour: 0, storageGbHour: 0 });
    expect(free.report(partition, {}).totals).toMatchObject({ tasks: 1, estimatedCost: 0 });
  });
});
