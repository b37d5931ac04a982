/** The wire TaskSet: the stored task set plus counts derived from its tasks and its service now. */
import type { TaskSet } from '@berth/wire/ecs';
import { computedDesiredCount } from '@berth/scheduler';

import { launchFieldsOf } from '../ecs-services/service-request.js';
import { targetOf } from '../fargate/launch-target.js';

import type { TaskSetRecord } from './task-set-record.js';

export interface TaskSetCounts {
  readonly running: number;
  readonly pending: number;
}

/** A DRAINING task set wants nothing: its tasks are being stopped. */
export const computedDesiredOf = (record: TaskSetRecord, serviceDesiredCount: number): number =>
  record.status === 'DRAINING' ? 0 : computedDesiredCount(serviceDesiredCount, record.scale.value);

export const taskSetView = (
  record: TaskSetRecord,
  serviceDesiredCount: number,
  counts: TaskSetCounts | undefined,
  include: readonly string[],
): TaskSet => ({
  id: record.id,
  taskSetArn: record.taskSetArn,
  serviceArn: record.serviceArn,
  clusterArn: record.clusterArn,
  // startedBy: "If an external deployment created the task set, the startedBy field isn't used." [M TaskSet]
  ...(record.externalId !== undefined ? { externalId: record.externalId } : {}),
  status: record.status,
  taskDefinition: record.taskDefinitionArn,
  computedDesiredCount: computedDesiredOf(record, serviceDesiredCount),
  pendingCount: counts?.pending ?? 0,
  runningCount: counts?.running ?? 0,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  ...launchFieldsOf(targetOf(record)),
  ...(record.networkConfiguration ? { networkConfiguration: record.networkConfiguration } : {}),
  loadBalancers: [],
  serviceRegistries: [],
  scale: { value: record.scale.value, unit: record.scale.unit },
  stabilityStatus: record.stabilityStatus,
  stabilityStatusAt: record.stabilityStatusAt,
  ...(include.includes('TAGS') ? { tags: [...record.tags] } : {}),
});
