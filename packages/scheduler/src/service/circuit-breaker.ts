/**
 * The deployment circuit breaker's count [G deployment-circuit-breaker.md], derived from the
 * deployment's tasks so that reconciling one snapshot twice gives the same count.
 *
 * A stopped task of the deployment (stoppedAt set; StopTask's UserInitiated stops never count) is a
 * failure when:
 * - stage 1: it never reached RUNNING (no startedAt) and the scheduler did not stop it itself
 *   (ServiceSchedulerInitiated: scale-in or draining of a PENDING task);
 * - stage 2: it ran and was stopped while its container health check reported UNHEALTHY, or
 *   because its load balancer target failed its health checks;
 * - (impl) it ran but stopped on its own before it was ever healthy — a container that exits
 *   straight after starting. ECS trips the breaker on such crash loops too.
 * A task becoming healthy resets the count: only failures that stopped after the latest moment a
 * task of the deployment became healthy count (startedAt + healthyAfterSeconds without a health
 * check; startedAt, the earliest it can have been, for a task whose check reports HEALTHY).
 *
 * Stopped tasks are forgotten after a while. While the snapshot holds no reset, the count never
 * falls below the deployment's previous `failedTasks`, so forgetting old failures cannot lower it;
 * once a reset is in the snapshot the count is exact.
 *
 * Threshold = clamp(ceil(0.5 × desired), 3, 200), the current API docs' minimum.
 */
import type { ReconcileSettings } from './reconcile-settings.js';
import type { ServiceTask } from './service-types.js';

export const circuitBreakerThreshold = (desired: number): number =>
  Math.min(200, Math.max(3, Math.ceil(desired / 2)));

const healthyAt = (task: ServiceTask, settings: ReconcileSettings): number | undefined => {
  if (task.startedAt === undefined) return undefined;
  if (task.targetHealth !== undefined && task.targetHealth.state !== 'healthy') return undefined;
  if (task.hasHealthCheck) return task.healthStatus === 'HEALTHY' ? task.startedAt : undefined;
  if (task.targetHealth !== undefined) return task.startedAt;
  const at = task.startedAt + settings.healthyAfterSeconds;
  return at <= (task.stoppedAt ?? settings.now) ? at : undefined;
};

const isFailure = (task: ServiceTask, settings: ReconcileSettings): boolean => {
  if (task.stoppedAt === undefined || task.stopCode === 'UserInitiated') return false;
  if (task.startedAt === undefined) return task.stopCode !== 'ServiceSchedulerInitiated';
  if (task.hasHealthCheck && task.healthStatus === 'UNHEALTHY') return true;
  if (task.stoppedForTargetHealth === true) return true;
  return task.stopCode !== 'ServiceSchedulerInitiated' && healthyAt(task, settings) === undefined;
};

/** failedTasks of one deployment, from its tasks (`tasks` may hold other deployments' tasks too). */
export const countFailedTasks = (
  deploymentId: string,
  previous: number,
  tasks: readonly ServiceTask[],
  settings: ReconcileSettings,
): number => {
  const own = tasks.filter((task) => task.deploymentId === deploymentId);
  const resets = own.flatMap((task) => healthyAt(task, settings) ?? []);
  const resetAt = resets.length > 0 ? Math.max(...resets) : undefined;
  const failures = own.filter(
    (task) => isFailure(task, settings) && (resetAt === undefined || (task.stoppedAt ?? 0) > resetAt),
  ).length;
  return resetAt === undefined ? Math.max(failures, previous) : failures;
};
