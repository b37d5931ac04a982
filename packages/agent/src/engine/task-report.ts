import type { ContainerReport, TaskReport } from '@berth/wire/agent';

import { awaitsCompletion } from './dependencies.js';
import type { ReportedTaskStatus } from '@berth/wire/agent';

import {
  isBefore,
  isStopping,
  pauseContainer,
  workloadStopped,
  type ManagedContainer,
  type TaskState,
} from './task-state.js';

/** Container `reason` on the wire is at most 1,024 characters. */
export const MAX_REASON_LENGTH = 1024;

export const truncateReason = (reason: string): string =>
  reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;

/**
 * Whether the task counts as RUNNING: every container runs, except non-essential containers that
 * already exited and containers still waiting on a COMPLETE/SUCCESS dependency; and at least one runs.
 */
export const isTaskRunning = (task: TaskState): boolean =>
  task.containers.some((c) => c.known === 'RUNNING') &&
  task.containers.every(
    (c) =>
      c.known === 'RUNNING' ||
      (c.known === 'STOPPED' && !c.essential) ||
      (isBefore(c.known, 'RUNNING') && awaitsCompletion(task, c)),
  );

const wireStatus = (c: ManagedContainer): ContainerReport['status'] =>
  c.known === 'STOPPED' ? 'STOPPED' : c.known === 'RUNNING' ? 'RUNNING' : 'PENDING';

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

/** Spreads `{ [key]: value }` only when the value is defined (exactOptionalPropertyTypes). */
const field = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const containerReport = (c: ManagedContainer): ContainerReport => ({
  containerName: c.name,
  status: wireStatus(c),
  ...field('runtimeId', c.runtimeId),
  ...field('imageDigest', c.imageDigest),
  ...field('exitCode', c.exitCode),
  ...field('reason', c.reason === undefined ? undefined : truncateReason(c.reason)),
  networkBindings: c.bindings,
  healthStatus: c.health,
});

/**
 * The task's wire status. A task that never ran goes PENDING → STOPPED; one that ran goes RUNNING →
 * STOPPING while its containers stop → DEPROVISIONING (awsvpc) while its network is taken down →
 * STOPPED [ECS-REFERENCE §1].
 */
export const reportedStatus = (task: TaskState): ReportedTaskStatus => {
  if (task.known === 'STOPPED') return 'STOPPED';
  if (!task.reachedRunning) return 'PENDING';
  if (!isStopping(task)) return 'RUNNING';
  return pauseContainer(task) !== undefined && workloadStopped(task) ? 'DEPROVISIONING' : 'STOPPING';
};

/** The observed state of a task as the agent reports it. Timestamps are epoch seconds. */
export const buildTaskReport = (task: TaskState, clusterArn: string): TaskReport => ({
  cluster: clusterArn,
  task: task.desired.taskArn,
  status: reportedStatus(task),
  ...field('reason', task.stop === undefined ? undefined : truncateReason(task.stop.reason)),
  ...field('stopCode', task.stop?.stopCode),
  containers: task.containers.filter((c) => !c.internal).map(containerReport),
  ...field('pullStartedAt', seconds(task.pullStartedAtMs)),
  ...field('pullStoppedAt', seconds(task.pullStoppedAtMs)),
  ...field('privateIPv4Address', task.address),
  ...field('startedAt', seconds(task.startedAtMs)),
  ...field('stoppingAt', seconds(task.stoppingAtMs)),
  ...field('executionStoppedAt', seconds(task.executionStoppedAtMs)),
  ...field('stoppedAt', seconds(task.stoppedAtMs)),
  ...(task.notices.length > 0 ? { notices: task.notices } : {}),
});
