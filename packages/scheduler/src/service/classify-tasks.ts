/**
 * Sorts a service's tasks into the live ones the rolling step counts and the ones it must replace
 * at once:
 * - gone: desiredStatus STOPPED, or lastStatus past RUNNING (DEACTIVATING … STOPPED). Not counted,
 *   never stopped again.
 * - lost: the instance was deregistered, or its agent has been silent for the lost-agent timeout.
 *   Stopped so that it is replaced (the agent, should it come back, stops it).
 * - unhealthy: RUNNING, with a container health check that reports UNHEALTHY, past
 *   healthCheckGracePeriodSeconds since it started. Stopped and reported
 *   (`(task id) failed container health checks.`). Inside the grace period it is live, not healthy.
 * - target-unhealthy: RUNNING behind a load balancer whose health checks find its target unhealthy,
 *   past healthCheckGracePeriodSeconds. Stopped (`Task failed ELB health checks in (target-group …)`)
 *   and reported; the circuit breaker counts it.
 * - PENDING on a DRAINING instance: stopped at once [G container-instance-draining].
 * Everything else is live: `running` when lastStatus is RUNNING, else pending (PROVISIONING,
 * PENDING, ACTIVATING or an unknown earlier status). A live task is `healthy` when running and
 * either its health check reports HEALTHY or, without one, healthyAfterSeconds have passed since
 * it started; behind load balancers, also only once its targets are healthy in every group. RUNNING tasks on a DRAINING instance are live and marked `draining`: the rolling step
 * replaces them within the bounds. A live task is `protected` while its scale-in protection has not
 * expired (`now < protectedUntil`). Protection changes nothing here: lost and unhealthy tasks are
 * replaced whether protected or not [G task-scale-in-protection: it guards against scale-in and
 * deployments only].
 */
import { taskStatusRank } from '@berth/core';

import type { ReconcileSettings } from './reconcile-settings.js';
import { serviceEvents } from './service-events.js';
import { serviceReasons } from './service-reasons.js';
import type { ServiceTask, TaskStop } from './service-types.js';

export interface LiveTask {
  readonly task: ServiceTask;
  readonly running: boolean;
  readonly healthy: boolean;
  /** RUNNING and, with a container health check, HEALTHY: what a deployment's completion waits for. */
  readonly steady: boolean;
  /** RUNNING on a DRAINING instance: to be replaced. */
  readonly draining: boolean;
  /** Under task scale-in protection now (see take-stops.ts for what that holds back). */
  readonly protected: boolean;
}

export interface TaskClassification {
  readonly live: readonly LiveTask[];
  /** Stops of lost, unhealthy and draining-PENDING tasks, in task order. */
  readonly stops: readonly TaskStop[];
  readonly events: readonly string[];
}

const RUNNING_RANK = taskStatusRank('RUNNING');
/** Instance statuses under which a task cannot be running any more. */
const GONE_INSTANCE = new Set(['INACTIVE', 'DEREGISTERING', 'REGISTRATION_FAILED']);

const isLive = (task: ServiceTask): boolean =>
  task.desiredStatus === 'RUNNING' && taskStatusRank(task.lastStatus) <= RUNNING_RANK;

const targetsHealthy = (task: ServiceTask): boolean =>
  task.targetHealth === undefined || task.targetHealth.state === 'healthy';

const isHealthy = (task: ServiceTask, settings: ReconcileSettings): boolean => {
  if (task.lastStatus !== 'RUNNING' || !targetsHealthy(task)) return false;
  if (task.hasHealthCheck) return task.healthStatus === 'HEALTHY';
  if (task.targetHealth !== undefined) return true;
  return task.startedAt !== undefined && settings.now - task.startedAt >= settings.healthyAfterSeconds;
};

const isSteady = (task: ServiceTask): boolean =>
  task.lastStatus === 'RUNNING' &&
  targetsHealthy(task) &&
  (!task.hasHealthCheck || task.healthStatus === 'HEALTHY');

const lostReason = (task: ServiceTask, settings: ReconcileSettings): string | undefined => {
  if (GONE_INSTANCE.has(task.instanceStatus)) return serviceReasons.instanceDeregistered;
  if (!task.agentConnected && task.agentSilentForSeconds >= settings.lostAgentTimeoutSeconds)
    return serviceReasons.agentLost;
  return undefined;
};

const failedHealthCheck = (task: ServiceTask, settings: ReconcileSettings): boolean =>
  task.hasHealthCheck &&
  task.lastStatus === 'RUNNING' &&
  task.healthStatus === 'UNHEALTHY' &&
  pastGracePeriod(task, settings);

const pastGracePeriod = (task: ServiceTask, settings: ReconcileSettings): boolean =>
  settings.now - (task.startedAt ?? task.createdAt) >= settings.healthCheckGracePeriodSeconds;

const failedTargetHealthCheck = (task: ServiceTask, settings: ReconcileSettings): boolean =>
  task.lastStatus === 'RUNNING' &&
  task.targetHealth?.state === 'unhealthy' &&
  pastGracePeriod(task, settings);

export const classifyTasks = (
  tasks: readonly ServiceTask[],
  settings: ReconcileSettings,
): TaskClassification => {
  const live: LiveTask[] = [];
  const stops: TaskStop[] = [];
  const events: string[] = [];
  for (const task of tasks) {
    if (!isLive(task)) continue;
    const lost = lostReason(task, settings);
    const running = task.lastStatus === 'RUNNING';
    const draining = task.instanceStatus === 'DRAINING';
    if (lost !== undefined) {
      stops.push({ taskArn: task.taskArn, reason: lost });
    } else if (failedHealthCheck(task, settings)) {
      stops.push({ taskArn: task.taskArn, reason: serviceReasons.healthCheckFailed });
      events.push(serviceEvents.healthCheckFailed(settings.serviceName, task.taskArn));
    } else if (failedTargetHealthCheck(task, settings)) {
      const health = task.targetHealth!;
      const group = health.targetGroupArn ?? '';
      stops.push({ taskArn: task.taskArn, reason: serviceReasons.targetHealthCheckFailed(group) });
      events.push(
        serviceEvents.targetUnhealthy(
          settings.serviceName,
          task.taskArn,
          health.port ?? 0,
          group,
          health.description ?? 'Health checks failed',
        ),
      );
    } else if (draining && !running) {
      stops.push({ taskArn: task.taskArn, reason: serviceReasons.instanceDraining });
    } else {
      live.push({
        task,
        running,
        healthy: isHealthy(task, settings),
        steady: isSteady(task),
        draining,
        protected: task.protectedUntil !== undefined && settings.now < task.protectedUntil,
      });
    }
  }
  return { live, stops, events };
};
