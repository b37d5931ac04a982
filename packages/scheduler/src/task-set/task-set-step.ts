/**
 * One reconcile step of one task set.
 *
 * PRIMARY or ACTIVE, wanting `computedDesiredCount` (D) tasks; its live tasks are `kept` (K), plus
 * RUNNING ones on DRAINING instances (R), which are replaced:
 *   start = max(0, D − K), unless the launch throttle holds launches back
 *   stop  = K − D of the kept tasks when K > D, in scale-in order (see scale-in-order.ts), then
 *           (impl) as many draining tasks as keep RUNNING tasks at or above D: a draining task goes
 *           once its replacement runs, as with the ECS scheduler's 100 % floor.
 * The task set is STEADY_STATE when its live tasks are exactly D, every one RUNNING (HEALTHY with a
 * container health check), none on a DRAINING instance, and the step starts and stops nothing
 * [M TaskSet.stabilityStatus]; otherwise STABILIZING. stabilityStatusAt moves when the status does.
 *
 * DRAINING (DeleteTaskSet, or a deleted service): every live task is stopped; once none of its
 * tasks still runs (each STOPPED, or lost with its instance), the task set is removed.
 */
import type { PlacementStrategy } from '@berth/wire/ecs';

import type { PlacementInstance } from '../placement/placement-types.js';
import type { LiveTask } from '../service/classify-tasks.js';
import { launchThrottle } from '../service/launch-throttle.js';
import type { ReconcileSettings } from '../service/reconcile-settings.js';
import { serviceReasons } from '../service/service-reasons.js';
import type { ServiceTask, TaskLaunch, TaskStop } from '../service/service-types.js';

import { scaleInOrder } from './scale-in-order.js';
import type { StabilityStatus, TaskSetState } from './task-set-types.js';

export interface TaskSetStepInput {
  readonly taskSet: TaskSetState;
  /** Live tasks of this task set, as classified (lost and unhealthy ones are already stopped). */
  readonly live: readonly LiveTask[];
  /** Every task of this task set in the snapshot. */
  readonly tasks: readonly ServiceTask[];
  /** Tasks of this task set that the classification stops (lost, unhealthy, PENDING on a DRAINING instance). */
  readonly classifiedStops: number;
  /** The reason this step's stops carry when the task set or its service is being deleted. */
  readonly drainReason: string | undefined;
  readonly instances: readonly PlacementInstance[];
  readonly strategies: readonly PlacementStrategy[];
  readonly seed: string;
  readonly settings: ReconcileSettings;
}

export interface TaskSetStep {
  readonly launches: readonly TaskLaunch[];
  readonly stops: readonly TaskStop[];
  readonly taskSet: TaskSetState;
  readonly removed: boolean;
  /** Launches the launch throttle held back. */
  readonly withheld: number;
}

const GONE_INSTANCE = new Set(['INACTIVE', 'DEREGISTERING', 'REGISTRATION_FAILED']);

/** Nothing of the task runs any more: STOPPED, or lost with its instance or agent. */
const finished = (task: ServiceTask, settings: ReconcileSettings): boolean =>
  task.lastStatus === 'STOPPED' ||
  GONE_INSTANCE.has(task.instanceStatus) ||
  (!task.agentConnected && task.agentSilentForSeconds >= settings.lostAgentTimeoutSeconds);

const withStability = (taskSet: TaskSetState, status: StabilityStatus, now: number): TaskSetState =>
  taskSet.stabilityStatus === status
    ? taskSet
    : { ...taskSet, stabilityStatus: status, stabilityStatusAt: now };

const oldestFirst = (a: LiveTask, b: LiveTask): number =>
  a.task.createdAt - b.task.createdAt ||
  (a.task.taskArn < b.task.taskArn ? -1 : a.task.taskArn > b.task.taskArn ? 1 : 0);

const drainStep = (input: TaskSetStepInput, reason: string): TaskSetStep => {
  const { taskSet, live, tasks, settings } = input;
  const stops = live.map((t) => ({ taskArn: t.task.taskArn, reason }));
  const stopping = new Set(stops.map((s) => s.taskArn));
  const removed = tasks.every((t) => !stopping.has(t.taskArn) && finished(t, settings));
  return {
    launches: [],
    stops,
    taskSet: { ...withStability(taskSet, 'STABILIZING', settings.now), status: 'DRAINING' },
    removed,
    withheld: 0,
  };
};

export const taskSetStep = (input: TaskSetStepInput): TaskSetStep => {
  if (input.drainReason !== undefined) return drainStep(input, input.drainReason);
  const { taskSet, live, settings } = input;
  const desired = taskSet.computedDesiredCount;
  const throttle = launchThrottle(taskSet, input.tasks, settings);
  const draining = live.filter((t) => t.draining).sort(oldestFirst);
  const kept = live.filter((t) => !t.draining);
  const wanted = Math.max(0, desired - kept.length);
  const start = throttle.throttled ? 0 : wanted;
  const scaling = serviceReasons.scaling(taskSet.id);
  const scaleIn = scaleInOrder(kept, input.instances, input.strategies, `${input.seed}/${taskSet.id}`).slice(
    0,
    Math.max(0, kept.length - desired),
  );
  const scaledIn = new Set(scaleIn.map((t) => t.task.taskArn));
  const runningAfter = kept.filter((t) => t.running && !scaledIn.has(t.task.taskArn)).length;
  const drained = draining.slice(0, Math.max(0, runningAfter + draining.length - desired));
  const stops: TaskStop[] = [
    ...scaleIn.map((t) => ({ taskArn: t.task.taskArn, reason: scaling })),
    ...drained.map((t) => ({ taskArn: t.task.taskArn, reason: serviceReasons.instanceDraining })),
  ];
  const steady =
    input.classifiedStops === 0 &&
    wanted === 0 &&
    stops.length === 0 &&
    draining.length === 0 &&
    kept.length === desired &&
    kept.every((t) => t.steady);
  return {
    launches: start > 0 ? [{ deploymentId: taskSet.id, count: start }] : [],
    stops,
    taskSet: {
      ...withStability(taskSet, steady ? 'STEADY_STATE' : 'STABILIZING', settings.now),
      failedLaunches: throttle.failedLaunches,
      nextLaunchAt: throttle.nextLaunchAt,
    },
    removed: false,
    withheld: wanted - start,
  };
};
