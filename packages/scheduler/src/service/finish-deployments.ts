/**
 * The deployments as they stand once the plan's stops are applied, and the completion and steady
 * events:
 * - PRIMARY: desiredCount = the service's desired count (DAEMON: the eligible instances; a
 *   DRAINING service: 0). For an ACTIVE service, IN_PROGRESS → COMPLETED (reason
 *   `ECS deployment <id> completed.`, event `deployment completed.`) once it alone has live tasks,
 *   exactly `desired` of them, every one steady (RUNNING, and HEALTHY when it has a health check —
 *   the moment the ServicesStable waiter sees it stable) and none on a DRAINING instance. An IN_PROGRESS
 *   deployment without a reason gets `ECS deployment <id> in progress.`.
 * - ACTIVE: desiredCount drops to its live count as it drains; with no live task left it is
 *   INACTIVE and leaves the list, so the ServicesStable waiter (one deployment) can succeed.
 * - updatedAt moves to now only when something about the deployment changed, so an unchanged
 *   service reconciles to an identical plan.
 * Steady: the service is ACTIVE, one deployment, COMPLETED, `desired` live tasks all RUNNING (none
 * on a DRAINING instance), and this plan starts and stops nothing; then `has reached a steady
 * state.` is posted (the caller suppresses repeats).
 */
import type { LiveTask } from './classify-tasks.js';
import type { ReconcileSettings } from './reconcile-settings.js';
import { serviceEvents } from './service-events.js';
import { serviceReasons } from './service-reasons.js';
import type { DeploymentState } from './service-types.js';
import { TRAFFIC_SETTLE_SECONDS } from './traffic-shift/shift-types.js';

export interface FinishInput {
  readonly before: readonly DeploymentState[];
  readonly primary: DeploymentState;
  readonly others: readonly DeploymentState[];
  /** Live tasks that this plan does not stop. */
  readonly liveAfter: readonly LiveTask[];
  readonly desired: number;
  /** The plan starts and stops nothing. */
  readonly quiet: boolean;
  readonly serviceActive: boolean;
}

export interface FinishedDeployments {
  readonly deployments: readonly DeploymentState[];
  readonly events: readonly string[];
  readonly steady: boolean;
}

const TRACKED = [
  'status',
  'desiredCount',
  'rolloutState',
  'rolloutStateReason',
  'failedTasks',
  'failedLaunches',
  'nextLaunchAt',
] as const;

const touched = (next: DeploymentState, before: DeploymentState | undefined, now: number): DeploymentState =>
  before !== undefined &&
  TRACKED.every((key) => next[key] === before[key]) &&
  next.rolledBackTo === before.rolledBackTo &&
  JSON.stringify(next.shift) === JSON.stringify(before.shift)
    ? { ...next, updatedAt: before.updatedAt }
    : { ...next, updatedAt: now };

export const finishDeployments = (input: FinishInput, settings: ReconcileSettings): FinishedDeployments => {
  const { primary, liveAfter, desired } = input;
  const events: string[] = [];
  const own = liveAfter.filter((t) => t.task.deploymentId === primary.id && !t.draining);
  const done = own.length === liveAfter.length && own.length === desired && own.every((t) => t.steady);

  let next: DeploymentState = { ...primary, status: 'PRIMARY', desiredCount: desired };
  if (next.rolloutState === 'IN_PROGRESS' && done && input.serviceActive) {
    next = { ...next, rolloutState: 'COMPLETED', rolloutStateReason: serviceReasons.completed(next.id) };
    events.push(serviceEvents.deploymentCompleted(settings.serviceName, next.id));
  } else if (next.rolloutState === 'IN_PROGRESS' && next.rolloutStateReason === '') {
    next = { ...next, rolloutStateReason: serviceReasons.inProgress(next.id) };
  }

  const beforeById = new Map(input.before.map((d) => [d.id, d]));
  const deployments = [touched(next, beforeById.get(next.id), settings.now)];
  for (const other of input.others) {
    const count = liveAfter.filter((t) => t.task.deploymentId === other.id).length;
    // A deployment just rolled back in place stays listed while traffic settles, so that its
    // service deployment can follow it to ROLLBACK_SUCCESSFUL even when none of its tasks live.
    const settling =
      other.rolledBackTo !== undefined &&
      settings.now < (other.shift?.lastShiftAt ?? 0) + TRAFFIC_SETTLE_SECONDS;
    if (count === 0 && !settling) continue;
    deployments.push(
      touched({ ...other, status: 'ACTIVE', desiredCount: count }, beforeById.get(other.id), settings.now),
    );
  }

  const steady =
    input.serviceActive &&
    input.quiet &&
    deployments.length === 1 &&
    next.rolloutState === 'COMPLETED' &&
    liveAfter.length === desired &&
    liveAfter.every((t) => t.running && !t.draining);
  if (steady) events.push(serviceEvents.steadyState(settings.serviceName));
  return { deployments, events, steady };
};
