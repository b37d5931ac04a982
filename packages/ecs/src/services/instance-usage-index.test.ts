import { describe, expect, it } from 'vitest';

import { MemoryStateStore } from '@berth/store';

import { instanceUsage } from './instance-usage.js';
import { InstanceUsageIndex } from './instance-usage-index.js';
import { KIND, type TaskRecord } from './records.js';

const task = (
  arn: string,
  instance: string,
  lastStatus: string,
  memory: number,
  ports: number[] = [],
): TaskRecord => ({
  clusterArn: 'c',
  task: { taskArn: arn, containerInstanceArn: instance, lastStatus, desiredStatus: 'RUNNING', group: 'g' },
  containerDefinitions: [],
  reservation: { cpu: 10, memory, ports, portsUdp: [] },
  networkMode: 'bridge',
  family: 'f',
  revision: 1,
  taskDefinition: {},
});

describe('InstanceUsageIndex', () => {
  it('always equals a full scan of the cluster, as tasks come, change and go', () => {
    const store = new MemoryStateStore();
    store.transact((tx) => tx.put(KIND.task, 't0', 'c', task('t0', 'i1', 'RUNNING', 64, [80])));
    const index = new InstanceUsageIndex(store);
    const steps: ((tx: Parameters<Parameters<typeof store.transact>[0]>[0]) => void)[] = [
      (tx) => tx.put(KIND.task, 't1', 'c', task('t1', 'i1', 'PENDING', 128, [81])),
      (tx) => tx.put(KIND.task, 't2', 'c', task('t2', 'i2', 'PENDING', 32)),
      (tx) => tx.put(KIND.task, 't1', 'c', task('t1', 'i1', 'RUNNING', 128, [81])),
      (tx) => tx.put(KIND.task, 't0', 'c', task('t0', 'i1', 'STOPPED', 64, [80])),
      (tx) => tx.delete(KIND.task, 't2'),
    ];
    for (const step of steps) {
      store.transact(step);
      expect(index.usage('c')).toEqual(
        new Map(
          [...instanceUsage(store, 'c')].map(([k, v]) => [k, { ...v, taskGroups: { ...v.taskGroups } }]),
        ),
      );
    }
    index.close();
  });
});
