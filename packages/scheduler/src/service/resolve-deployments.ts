/**
 * Settles which deployment is PRIMARY and what its circuit breaker and launch throttle say, before
 * the rolling step runs:
 * - INACTIVE deployments are dropped; the newest deployment marked PRIMARY (the newest of all when
 *   none is marked) is PRIMARY, every other one is ACTIVE.
 * - The PRIMARY's failedTasks (while IN_PROGRESS), failedLaunches and nextLaunchAt are re-derived
 *   from its tasks (see circuit-breaker.ts and launch-throttle.ts).
 * - Circuit breaker (enabled, PRIMARY IN_PROGRESS, failedTasks ≥ threshold): the PRIMARY becomes
 *   FAILED and launches nothing more. With rollback and a target (the snapshot's
 *   rollbackTaskDefinitionArn, else the newest other deployment that COMPLETED) a new PRIMARY
 *   (id = nextDeploymentId) on the target's task definition takes over and the failed deployment
 *   becomes ACTIVE, still FAILED. (impl) A rollback deployment that fails is not rolled back again.
 *   A traffic-shifting PRIMARY whose blue revision still serves is rolled back in place instead
 *   (traffic-shift/shift-rollback.ts): blue is PRIMARY again, and nothing starts or stops this step.
 */
import { circuitBreakerThreshold, countFailedTasks } from './circuit-breaker.js';
import { launchThrottle } from './launch-throttle.js';
import type { ReconcileSettings } from './reconcile-settings.js';
import { serviceEvents } from './service-events.js';
import { serviceReasons } from './service-reasons.js';
import type { DeploymentState, ServiceSnapshot } from './service-types.js';
import { rollBackShift, servingBlue } from './traffic-shift/shift-rollback.js';

export interface ResolvedDeployments {
  readonly primary: DeploymentState | undefined;
  /** ACTIVE deployments, newest first. */
  readonly others: readonly DeploymentState[];
  /** The PRIMARY must wait (launch throttle) before launching. */
  readonly throttled: boolean;
  readonly events: readonly string[];
  /** A traffic-shifting deployment was just rolled back: this step starts and stops nothing. */
  readonly rolledBack?: boolean;
}

const newestFirst = (a: DeploymentState, b: DeploymentState): number => b.createdAt - a.createdAt;

const rollbackTarget = (
  snapshot: ServiceSnapshot,
  failing: DeploymentState,
  others: readonly DeploymentState[],
): { taskDefinitionArn: string; deploymentId: string | undefined } | undefined => {
  if (!snapshot.service.circuitBreaker.rollback || serviceReasons.isRollback(failing.rolloutStateReason))
    return undefined;
  const completed = others.filter((d) => d.rolloutState === 'COMPLETED');
  const taskDefinitionArn = snapshot.rollbackTaskDefinitionArn ?? completed[0]?.taskDefinitionArn;
  if (taskDefinitionArn === undefined) return undefined;
  const deploymentId =
    snapshot.rollbackDeploymentId ?? completed.find((d) => d.taskDefinitionArn === taskDefinitionArn)?.id;
  return { taskDefinitionArn, deploymentId };
};

export const resolveDeployments = (
  snapshot: ServiceSnapshot,
  desired: number,
  settings: ReconcileSettings,
): ResolvedDeployments => {
  const listed = snapshot.deployments.filter((d) => d.status !== 'INACTIVE').sort(newestFirst);
  const chosen = listed.find((d) => d.status === 'PRIMARY') ?? listed[0];
  const others = listed.filter((d) => d !== chosen).map((d): DeploymentState => ({ ...d, status: 'ACTIVE' }));
  if (chosen === undefined) return { primary: undefined, others, throttled: false, events: [] };

  const inProgress = chosen.rolloutState === 'IN_PROGRESS';
  const failedTasks = inProgress
    ? countFailedTasks(chosen.id, chosen.failedTasks, snapshot.tasks, settings)
    : chosen.failedTasks;
  const throttle = launchThrottle(chosen, snapshot.tasks, settings);
  const primary: DeploymentState = {
    ...chosen,
    status: 'PRIMARY',
    failedTasks,
    failedLaunches: throttle.failedLaunches,
    nextLaunchAt: throttle.nextLaunchAt,
  };
  const trips =
    snapshot.service.status === 'ACTIVE' &&
    snapshot.service.circuitBreaker.enable &&
    inProgress &&
    failedTasks >= circuitBreakerThreshold(desired);
  if (!trips) return { primary, others, throttled: throttle.throttled, events: [] };

  const failed: DeploymentState = {
    ...primary,
    rolloutState: 'FAILED',
    rolloutStateReason: serviceReasons.circuitBreakerFailed,
  };
  const events = [serviceEvents.deploymentFailed(settings.serviceName, failed.id)];
  const blue =
    primary.shift && snapshot.service.circuitBreaker.rollback && servingBlue(others, snapshot.tasks);
  if (blue) {
    const back = rollBackShift(primary, blue, others, serviceReasons.circuitBreakerFailed, settings.now);
    return {
      ...back,
      throttled: false,
      events: [...events, serviceEvents.rollingBack(settings.serviceName, blue.id)],
      rolledBack: true,
    };
  }
  const target = rollbackTarget(snapshot, primary, others);
  if (target === undefined) return { primary: failed, others, throttled: false, events };

  const rollback: DeploymentState = {
    id: snapshot.nextDeploymentId,
    status: 'PRIMARY',
    taskDefinitionArn: target.taskDefinitionArn,
    desiredCount: desired,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: serviceReasons.rollingBack(target.deploymentId ?? snapshot.nextDeploymentId),
    failedTasks: 0,
    createdAt: settings.now,
    updatedAt: settings.now,
    failedLaunches: 0,
    nextLaunchAt: 0,
  };
  return {
    primary: rollback,
    others: [{ ...failed, status: 'ACTIVE' }, ...others],
    throttled: false,
    events: [...events, serviceEvents.rollingBack(settings.serviceName, rollback.id)],
  };
};
