/**
 * The service scheduler: one pure, level-triggered step from a snapshot of a service to a plan.
 *
 *   classify tasks ─▶ resolve deployments ─▶ rolling step ─▶ finish deployments
 *   (lost, unhealthy,  (PRIMARY, circuit     (REPLICA or      (completion, drop drained
 *    draining PENDING)  breaker, rollback,    DAEMON, within   ACTIVE ones, steady)
 *                       launch throttle)      floor/ceiling;
 *                                             or a traffic
 *                                             shift: traffic-shift/)
 *
 * A DRAINING service (DeleteService) has desired 0 and stops every live task at once, protected or
 * not (task scale-in protection holds back scale-in and deployments only); it is `drained`
 * (INACTIVE next) once every task has reached STOPPING or later. Events come out oldest first:
 * health-check failures, circuit breaker and rollback, `has stopped N running tasks`, stuck
 * configuration, throttled launches or protected tasks held, then completion and steady state.
 * Determinism: the plan depends on the snapshot alone (no clock, no randomness), so reconciling the
 * same snapshot twice gives the same plan.
 */
import { taskStatusRank } from '@berth/core';

import { classifyTasks } from './classify-tasks.js';
import type { LiveTask } from './classify-tasks.js';
import { daemonStep } from './daemon-step.js';
import { finishDeployments } from './finish-deployments.js';
import { reconcileSettings, type ReconcileSettings } from './reconcile-settings.js';
import { resolveDeployments } from './resolve-deployments.js';
import { rollingBounds } from './rolling-bounds.js';
import { IDLE_STEP } from './rolling-step.js';
import type { LaunchMode, RollingStep, RollingStepInput } from './rolling-step.js';
import { serviceEvents } from './service-events.js';
import { serviceReasons } from './service-reasons.js';
import type { ServicePlan, ServiceSnapshot, TaskStop } from './service-types.js';
import { replicaServiceStep, type ServiceStep } from './traffic-shift/shift-service.js';

const desiredOf = (snapshot: ServiceSnapshot): number => {
  if (snapshot.service.status !== 'ACTIVE') return 0;
  if (snapshot.service.schedulingStrategy === 'DAEMON') return new Set(snapshot.daemonInstances ?? []).size;
  return snapshot.service.desiredCount;
};

const deleteStep = (live: readonly LiveTask[]): RollingStep => ({
  ...IDLE_STEP,
  stops: live.map((t) => ({ taskArn: t.task.taskArn, reason: serviceReasons.serviceDeleted })),
});

const stoppedRunningEvent = (snapshot: ServiceSnapshot, stops: readonly TaskStop[]): string[] => {
  const running = new Set(snapshot.tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskArn));
  const arns = stops.map((s) => s.taskArn).filter((arn) => running.has(arn));
  return arns.length > 0 ? [serviceEvents.stoppedRunningTasks(snapshot.service.serviceName, arns)] : [];
};

const STOPPING_RANK = taskStatusRank('STOPPING');

/** DRAINING → INACTIVE [G ecs_services.md]: once every task is stopping or stopped (or lost with its agent). */
const isDrained = (snapshot: ServiceSnapshot, settings: ReconcileSettings): boolean =>
  snapshot.service.status === 'DRAINING' &&
  snapshot.tasks.every(
    (t) =>
      taskStatusRank(t.lastStatus) >= STOPPING_RANK ||
      (!t.agentConnected && t.agentSilentForSeconds >= settings.lostAgentTimeoutSeconds),
  );

export const reconcileService = (snapshot: ServiceSnapshot): ServicePlan => {
  const settings = reconcileSettings(snapshot);
  const { service } = snapshot;
  const desired = desiredOf(snapshot);
  const classified = classifyTasks(snapshot.tasks, settings);
  const resolved = resolveDeployments(snapshot, desired, settings);
  const { primary } = resolved;
  if (primary === undefined) {
    const step = service.status === 'ACTIVE' ? IDLE_STEP : deleteStep(classified.live);
    const stops = [...classified.stops, ...step.stops];
    const events = [...classified.events, ...stoppedRunningEvent(snapshot, stops)];
    return {
      launches: [],
      stops,
      deployments: resolved.others,
      events,
      steady: false,
      drained: isDrained(snapshot, settings),
    };
  }

  const launchMode: LaunchMode =
    primary.rolloutState === 'FAILED' ? 'failed' : resolved.throttled ? 'throttled' : 'allowed';
  const input: RollingStepInput = {
    live: classified.live,
    primary,
    deployments: [primary, ...resolved.others],
    desired,
    bounds: rollingBounds(desired, service.minimumHealthyPercent, service.maximumPercent),
    launchMode,
  };
  const plain = (step: RollingStep): ServiceStep => ({ step, primary, others: resolved.others, events: [] });
  const chosen: ServiceStep =
    service.status !== 'ACTIVE'
      ? plain(deleteStep(classified.live))
      : resolved.rolledBack === true
        ? plain(IDLE_STEP)
        : service.schedulingStrategy === 'DAEMON'
          ? plain(daemonStep({ ...input, instances: snapshot.daemonInstances ?? [] }))
          : replicaServiceStep(snapshot, { ...input, others: resolved.others });
  const { step } = chosen;

  const stops = [...classified.stops, ...step.stops];
  const stopped = new Set(step.stops.map((s) => s.taskArn));
  const finished = finishDeployments(
    {
      before: snapshot.deployments,
      primary: chosen.primary,
      others: chosen.others,
      liveAfter: classified.live.filter((t) => !stopped.has(t.task.taskArn)),
      desired,
      quiet: stops.length === 0 && step.launches.length === 0,
      serviceActive: service.status === 'ACTIVE',
    },
    settings,
  );
  const events = [
    ...classified.events,
    ...resolved.events,
    ...chosen.events,
    ...stoppedRunningEvent(snapshot, stops),
    ...(step.stuck ? [serviceEvents.deploymentConfigurationStuck(service.serviceName)] : []),
    ...(step.withheld > 0 ? [serviceEvents.launchesThrottled(service.serviceName)] : []),
    ...(step.protectedHeld > 0
      ? [serviceEvents.protectedTasksHeld(service.serviceName, step.protectedHeld)]
      : []),
    ...finished.events,
  ];
  return {
    launches: step.launches,
    stops,
    deployments: finished.deployments,
    events,
    steady: finished.steady,
    drained: isDrained(snapshot, settings),
  };
};
