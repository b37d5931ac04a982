/** Task records for usage tests: a FARGATE task of the `default` cluster, changed by overrides. */
import type { Task } from '@berth/wire/ecs';

import type { TaskRecord } from '../records.js';

export const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:000000000000:cluster/default';
export const T0 = 1_700_000_000.5;

export const taskArnFor = (id: string, cluster = 'default'): string =>
  `arn:aws:ecs:us-east-1:000000000000:task/${cluster}/${id}`;

export const fargateTask = (id: string, task: Partial<Task> = {}, clusterArn = CLUSTER_ARN): TaskRecord => ({
  clusterArn,
  task: {
    taskArn: taskArnFor(id, clusterArn.slice(clusterArn.lastIndexOf('/') + 1)),
    clusterArn,
    launchType: 'FARGATE',
    cpu: '256',
    memory: '512',
    group: 'service:web',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    pullStartedAt: T0,
    startedAt: T0 + 5,
    stoppedAt: T0 + 90.2,
    ...task,
  },
  containerDefinitions: [],
  reservation: { cpu: 256, memory: 512, ports: [], portsUdp: [] },
  networkMode: 'awsvpc',
  family: 'web',
  revision: 1,
  taskDefinition: {},
});

/** The record without some task fields (to model a task that has not got them yet). */
export const without = (record: TaskRecord, ...keys: (keyof Task)[]): TaskRecord => {
  const task: Record<string, unknown> = { ...record.task };
  for (const key of keys) delete task[key];
  return { ...record, task };
};
