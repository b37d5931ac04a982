/**
 * Settles which deployment is PRIMARY and what its circuit breaker and launch throttle say, before
 * the rolling step runs:
 * - INACTIVE deployments are dropped; the newest deployment marked PRIMARY (the newest of all when
 *   none is marked) is PRIMARY, every other one is ACTIVE.
 * - The PRIMARY's failedTasks (while IN_PROGRESS), failedLaunches and nextLaunchAt are re-derived
 *   from its tasks (see circuit-breaker.ts and launch-throttle.ts).
 * - Circuit breaker (enabled, PRIMARY IN_PROGRESS, failedTasks ≥ threshold) or deployment alarms
 *   (one went into ALARM, deployment-alarms.ts): the PRIMARY becomes FAILED and launches nothing
 *   more. The same path follows for both, each with its own rollback flag. With rollback and a target (the snapshot's
 *   rollbackTaskDefinitionArn, else the newest other deployment that COMPLETED) a new PRIMARY
 *   (id = nextDeploymentId) on the target's task definition takes over and the failed deployment
 *   becomes ACTIVE, still FAILED. (impl) A rollback deployment that fails is not rolled back again.
 *   A traffic-shifting PRIMARY whose blue revision still serves is rolled back in place instead
 *   (traffic-shift/shift-rollback.ts): blue is PRIMARY again, and nothing starts or stops this step.
 */
import { circuitBreakerThreshold, countFailedTasks } from './circuit-breaker.js';
import { watchDeploymentAlarms } from './deployment-alarms.js';
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

/** Why the PRIMARY fails this step: the circuit breaker or its deployment alarms, each with its rollback flag. */
interface Failure {
  readonly reason: string;
  readonly event: string;
  readonly rollback: boolean;
}

const failureOf = (
  snapshot: ServiceSnapshot,
  primary: DeploymentState,
  breakerTrips: boolean,
  alarms: readonly string[],
  settings: ReconcileSettings,
): Failure | undefined => {
  if (snapshot.service.status !== 'ACTIVE' || primary.rolloutState !== 'IN_PROGRESS') return undefined;
  if (breakerTrips)
    return {
      reason: serviceReasons.circuitBreakerFailed,
      event: serviceEvents.deploymentFailed(settings.serviceName, primary.id),
      rollback: snapshot.service.circuitBreaker.rollback,
    };
  if (alarms.length > 0)
    return {
      reason: serviceReasons.alarmsFailed(alarms),
      event: serviceEvents.deploymentAlarmFailed(settings.serviceName, primary.id, alarms),
      rollback: snapshot.service.deploymentAlarms?.rollback ?? false,
    };
  return undefined;
};

const rollbackTarget = (
  snapshot: ServiceSnapshot,
  failing: DeploymentState,
  others: readonly DeploymentState[],
  rollback: boolean,
): { taskDefinitionArn: string; deploymentId: string | undefined } | undefined => {
  if (!rollback || serviceReasons.isRollback(failing.rolloutStateReason)) return undefined;
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
  const watched = watchDeploymentAlarms(snapshot, chosen);
  const primary: DeploymentState = {
    ...watched.deployment,
    status: 'PRIMARY',
    failedTasks,
    failedLaunches: throttle.failedLaunches,
    nextLaunchAt: throttle.nextLaunchAt,
  };
  const breakerTrips =
    snapshot.service.circuitBreaker.enable && inProgress && failedTasks >= circuitBreakerThreshold(desired);
  const failure = failureOf(snapshot, primary, breakerTrips, watched.triggered, settings);
  if (!failure) return { primary, others, throttled: throttle.throttled, events: [] };

  const failed: DeploymentState = {
    ...primary,
    rolloutState: 'FAILED',
    rolloutStateReason: failure.reason,
    ...(watched.triggered.length > 0 && primary.alarms
      ? { alarms: { ...primary.alarms, triggered: watched.triggered } }
      : {}),
  };
  const events = [failure.event];
  const blue = primary.shift && failure.rollback && servingBlue(others, snapshot.tasks);
  if (blue) {
    const back = rollBackShift(failed, blue, others, failure.reason, settings.now);
    return {
      ...back,
      throttled: false,
      events: [...events, serviceEvents.rollingBack(settings.serviceName, blue.id)],
      rolledBack: true,
    };
  }
  const target = rollbackTarget(snapshot, primary, others, failure.rollback);
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
    rollbackOf: {
      deploymentId: failed.id,
      reason: failure.reason,
      ...(watched.triggered.length > 0 ? { triggeredAlarms: watched.triggered } : {}),
    },
  };
  return {
    primary: rollback,
    others: [{ ...failed, status: 'ACTIVE' }, ...others],
    throttled: false,
    events: [...events, serviceEvents.rollingBack(settings.serviceName, rollback.id)],
  };
};
