/** The wire Service: stored configuration plus counts derived from its tasks now. */
import type { Deployment, LaunchType, Service } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';
import type { TaskGroupIndex } from '../task-index.js';
import { taskSetsOf } from '../task-sets/task-set-record.js';
import { taskSetView } from '../task-sets/task-set-view.js';

import { serviceGroup, type ServiceRecord } from './service-record.js';

const PENDING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

export interface TaskCounts {
  readonly running: number;
  readonly pending: number;
}

/** Running and pending counts of a service's live tasks, by deployment id. */
export const countsByDeployment = (tasks: readonly TaskRecord[]): Map<string, TaskCounts> => {
  const counts = new Map<string, { running: number; pending: number }>();
  for (const record of tasks) {
    const task = record.task;
    if (task.desiredStatus !== 'RUNNING') continue;
    const id = task.startedBy ?? '';
    let entry = counts.get(id);
    if (!entry) counts.set(id, (entry = { running: 0, pending: 0 }));
    if (task.lastStatus === 'RUNNING') entry.running += 1;
    else if (PENDING.has(task.lastStatus ?? '')) entry.pending += 1;
  }
  return counts;
};

/** A service's tasks: from the group index when given (committed state), else by scanning the cluster. */
export const serviceTasks = (
  reader: StoreReader,
  record: ServiceRecord,
  index?: TaskGroupIndex,
): TaskRecord[] => {
  const group = serviceGroup(record.service.serviceName ?? '');
  if (index) {
    return index
      .taskArns(record.clusterArn, group)
      .map((arn) => reader.get<TaskRecord>(KIND.task, arn))
      .filter((t): t is TaskRecord => t !== undefined && t.task.group === group);
  }
  return reader.list<TaskRecord>(KIND.task, record.clusterArn).filter((t) => t.task.group === group);
};

export const serviceView = (
  reader: StoreReader,
  record: ServiceRecord,
  include: readonly string[],
  index?: TaskGroupIndex,
): Service => {
  const counts = countsByDeployment(serviceTasks(reader, record, index));
  const deployments: Deployment[] = record.deployments.map((d) => ({
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    desiredCount: d.desiredCount,
    pendingCount: counts.get(d.id)?.pending ?? 0,
    runningCount: counts.get(d.id)?.running ?? 0,
    failedTasks: d.failedTasks,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    ...(d.capacityProviderStrategy
      ? { capacityProviderStrategy: d.capacityProviderStrategy.map((s) => ({ ...s })) }
      : { launchType: d.launchType as LaunchType }),
    ...(d.platformVersion ? { platformVersion: d.platformVersion, platformFamily: 'Linux' } : {}),
    ...(d.networkConfiguration ? { networkConfiguration: d.networkConfiguration } : {}),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  }));
  const total = (pick: (c: TaskCounts) => number): number =>
    [...counts.values()].reduce((sum, c) => sum + pick(c), 0);
  const { tags: _tags, ...service } = record.service;
  // An EXTERNAL service has task sets, not deployments (its DescribeServices has no `deployments`,
  // as cloud-custodian#9351 saw for a task-set service).
  const external = record.service.deploymentController?.type === 'EXTERNAL';
  return {
    ...service,
    runningCount: total((c) => c.running),
    pendingCount: total((c) => c.pending),
    ...(external
      ? {
          taskSets: taskSetsOf(reader, record.clusterArn, record.service.serviceArn ?? '').map((t) =>
            taskSetView(t, record.service.desiredCount ?? 0, counts.get(t.id), []),
          ),
        }
      : { deployments }),
    events: record.events.map((e) => ({ id: e.id, createdAt: e.createdAt, message: e.message })),
    ...(include.includes('TAGS') ? { tags: [...record.tags] } : {}),
  };
};
