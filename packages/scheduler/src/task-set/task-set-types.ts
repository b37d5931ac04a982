/**
 * The task-set scheduler's inputs and outputs (services with the EXTERNAL deployment controller).
 * `reconcileTaskSets` is a pure function from a snapshot of one service's task sets and tasks to a
 * plan: tasks to launch per task set, tasks to stop, each task set's stability and launch throttle,
 * the DRAINING task sets that are gone, and the events to post. Times are epoch seconds.
 */
import type { PlacementStrategy } from '@berth/wire/ecs';

import type { PlacementInstance } from '../placement/placement-types.js';
import type { ServiceTask, TaskLaunch, TaskStop } from '../service/service-types.js';

/** PRIMARY serves production traffic, ACTIVE does not, DRAINING is being deleted [M TaskSet]. */
export type TaskSetStatus = 'PRIMARY' | 'ACTIVE' | 'DRAINING';
export type StabilityStatus = 'STEADY_STATE' | 'STABILIZING';

export interface TaskSetState {
  /** `ecs-svc/<digits>`: also the `startedBy` of every task the task set starts. */
  readonly id: string;
  readonly status: TaskSetStatus;
  /** ceil(service desiredCount × scale %), see `computedDesiredCount`. */
  readonly computedDesiredCount: number;
  readonly createdAt: number;
  readonly stabilityStatus: StabilityStatus;
  readonly stabilityStatusAt: number;
  /** Launch throttle: consecutive tasks of this task set that stopped without ever running. */
  readonly failedLaunches: number;
  /** Launch throttle: no launches before this time. */
  readonly nextLaunchAt: number;
}

export interface TaskSetsSnapshot {
  readonly now: number;
  readonly serviceName: string;
  /** A DRAINING service (DeleteService) launches nothing and stops everything it still runs. */
  readonly serviceStatus: 'ACTIVE' | 'DRAINING';
  readonly healthCheckGracePeriodSeconds: number;
  readonly taskSets: readonly TaskSetState[];
  /** Every task of the service (`group` service:<name>) not yet forgotten, live or recently STOPPED. */
  readonly tasks: readonly ServiceTask[];
  /** The cluster's instances as placement sees them: scale-in keeps the strategies' balance. */
  readonly instances: readonly PlacementInstance[];
  /** The service's placement strategies (ECS's default for services when it has none). */
  readonly strategies: readonly PlacementStrategy[];
  /** Seeds the random choice between equally ranked tasks on scale-in. */
  readonly seed: string;
  /** Tuning; defaults per ECS-REFERENCE: 40 s healthy rule, 60 s lost-agent timeout, 5 s back-off. */
  readonly healthyAfterSeconds?: number;
  readonly lostAgentTimeoutSeconds?: number;
  readonly launchBackoffSeconds?: number;
}

export interface TaskSetsPlan {
  /** `deploymentId` names the task set. */
  readonly launches: readonly TaskLaunch[];
  readonly stops: readonly TaskStop[];
  /** The task sets still listed, in snapshot order, with stability and launch throttle brought up to date. */
  readonly taskSets: readonly TaskSetState[];
  /** DRAINING task sets none of whose tasks still runs: they leave the service. */
  readonly removed: readonly string[];
  /** Event messages to post, oldest first. */
  readonly events: readonly string[];
  /** The service is DRAINING and nothing of it is left: it becomes INACTIVE. */
  readonly drained: boolean;
}
