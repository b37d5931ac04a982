/** Builds the pure task-set scheduler's view of one EXTERNAL service from the store. */
import type { TaskSetState, TaskSetsSnapshot } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../../services/agent-presence.js';
import type { ServiceRecord } from '../../services/ecs-services/service-record.js';
import { serviceTasks } from '../../services/ecs-services/service-view.js';
import type { InstanceUsage } from '../../services/instance-usage.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';
import type { TaskGroupIndex } from '../../services/task-index.js';
import type { TaskSetRecord } from '../../services/task-sets/task-set-record.js';
import { computedDesiredOf } from '../../services/task-sets/task-set-view.js';
import { placementInstances } from '../../services/tasks/task-placement.js';
import { DEFAULT_SERVICE_STRATEGY } from '../service/service-launcher.js';
import { toServiceTask } from '../service/service-snapshot.js';

export interface TaskSetSnapshotOptions {
  /** Epoch seconds. */
  readonly now: number;
  readonly presence: AgentPresence;
  /** Committed usage of the cluster's instances. */
  readonly usage: ReadonlyMap<string, InstanceUsage>;
  /** Finds the service's tasks without a cluster scan (the snapshot is read before any write). */
  readonly groups?: TaskGroupIndex;
}

const stateOf = (record: TaskSetRecord, desiredCount: number): TaskSetState => ({
  id: record.id,
  status: record.status,
  computedDesiredCount: computedDesiredOf(record, desiredCount),
  createdAt: record.createdAt,
  stabilityStatus: record.stabilityStatus,
  stabilityStatusAt: record.stabilityStatusAt,
  failedLaunches: record.failedLaunches,
  nextLaunchAt: record.nextLaunchAt,
});

export const buildTaskSetSnapshot = (
  reader: StoreReader,
  record: ServiceRecord,
  taskSets: readonly TaskSetRecord[],
  options: TaskSetSnapshotOptions,
): { snapshot: TaskSetsSnapshot; tasks: TaskRecord[] } => {
  const instances = new Map(
    reader
      .list<ContainerInstanceRecord>(KIND.containerInstance, record.clusterArn)
      .map((i) => [i.instance.containerInstanceArn ?? '', i]),
  );
  const tasks = serviceTasks(reader, record, options.groups);
  const service = record.service;
  const strategies =
    (service.placementStrategy ?? []).length > 0
      ? (service.placementStrategy ?? [])
      : DEFAULT_SERVICE_STRATEGY;
  const snapshot: TaskSetsSnapshot = {
    now: options.now,
    serviceName: service.serviceName ?? '',
    serviceStatus: service.status === 'DRAINING' ? 'DRAINING' : 'ACTIVE',
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds ?? 0,
    taskSets: taskSets.map((t) => stateOf(t, service.desiredCount ?? 0)),
    tasks: tasks.map((t) => toServiceTask(t, instances, options.presence)),
    instances: placementInstances(reader, record.clusterArn, options.presence, undefined, options.usage),
    strategies,
    seed: `${service.serviceArn ?? ''}/${options.now}`,
  };
  return { snapshot, tasks };
};
