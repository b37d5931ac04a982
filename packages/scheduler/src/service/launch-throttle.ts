/**
 * The launch throttle [G service-throttle-logic.md]: when tasks of the PRIMARY deployment keep
 * going to STOPPED without ever reaching RUNNING, the gap before the next launch grows, up to
 * 15 minutes. Tasks that reached RUNNING never trigger it (whatever happened to them after), and
 * a new deployment starts unthrottled because the count is per deployment.
 *
 * Derived from the tasks, like the circuit breaker's count (so idempotent):
 * - failedLaunches = tasks of the deployment with stoppedAt and no startedAt, not stopped by the
 *   scheduler or by StopTask, that stopped after the latest startedAt of any of its tasks (a task
 *   reaching RUNNING resets the count). Without any started task in the snapshot the count never
 *   falls below the previous value, so forgotten stopped tasks cannot shorten the back-off.
 * - nextLaunchAt = (stoppedAt of the latest such failure) + backoff(failedLaunches), where
 *   (impl) backoff(k) = min(15 min, base × 2^(k−1)), base 5 s by default: 5, 10, 20, … 640, 900 s.
 * Launches wait while now < nextLaunchAt.
 */
import type { ReconcileSettings } from './reconcile-settings.js';
import type { DeploymentState, ServiceTask } from './service-types.js';

export const MAX_LAUNCH_BACKOFF_SECONDS = 15 * 60;

export const launchBackoff = (failures: number, baseSeconds: number): number => {
  if (failures <= 0) return 0;
  if (failures > 31) return MAX_LAUNCH_BACKOFF_SECONDS;
  return Math.min(MAX_LAUNCH_BACKOFF_SECONDS, baseSeconds * 2 ** (failures - 1));
};

export interface LaunchThrottle {
  readonly failedLaunches: number;
  readonly nextLaunchAt: number;
  readonly throttled: boolean;
}

const isFailedLaunch = (task: ServiceTask): boolean =>
  task.stoppedAt !== undefined &&
  task.startedAt === undefined &&
  task.stopCode !== 'ServiceSchedulerInitiated' &&
  task.stopCode !== 'UserInitiated';

export const launchThrottle = (
  /** A deployment, or a task set: whatever started the tasks (their `startedBy`). */
  deployment: Pick<DeploymentState, 'id' | 'failedLaunches' | 'nextLaunchAt'>,
  tasks: readonly ServiceTask[],
  settings: ReconcileSettings,
): LaunchThrottle => {
  const own = tasks.filter((task) => task.deploymentId === deployment.id);
  const starts = own.flatMap((task) => task.startedAt ?? []);
  const resetAt = starts.length > 0 ? Math.max(...starts) : undefined;
  const stops = own
    .filter((task) => isFailedLaunch(task) && (resetAt === undefined || (task.stoppedAt ?? 0) > resetAt))
    .map((task) => task.stoppedAt ?? 0);
  const failedLaunches =
    resetAt === undefined ? Math.max(stops.length, deployment.failedLaunches) : stops.length;
  const lastFailure = stops.length > 0 ? Math.max(...stops) : undefined;
  const nextLaunchAt =
    failedLaunches === 0
      ? 0
      : lastFailure === undefined
        ? deployment.nextLaunchAt
        : lastFailure + launchBackoff(failedLaunches, settings.launchBackoffSeconds);
  return { failedLaunches, nextLaunchAt, throttled: settings.now < nextLaunchAt };
};
