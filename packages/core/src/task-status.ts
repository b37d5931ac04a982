/**
 * Task and container statuses as ECS reports them, in lifecycle order. Statuses only move
 * forward: a report that would move a status backwards is ignored.
 *
 *   PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED
 *        └──────────────┴── (failed to start) ──────────────────────────────────────────────────┘
 */
export const TASK_STATUSES = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
  'DELETED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const isTaskStatus = (value: string): value is TaskStatus =>
  (TASK_STATUSES as readonly string[]).includes(value);

export const taskStatusRank = (status: string): number => TASK_STATUSES.indexOf(status as TaskStatus);

/** The later of two statuses: a status never moves backwards. */
export const laterStatus = (current: TaskStatus, reported: TaskStatus): TaskStatus =>
  taskStatusRank(reported) > taskStatusRank(current) ? reported : current;

/** Container statuses: the agent's internal states collapse to these on the wire. */
export const CONTAINER_STATUSES = ['PENDING', 'RUNNING', 'STOPPED'] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

export const laterContainerStatus = (current: ContainerStatus, reported: ContainerStatus): ContainerStatus =>
  CONTAINER_STATUSES.indexOf(reported) > CONTAINER_STATUSES.indexOf(current) ? reported : current;
