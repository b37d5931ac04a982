/** The tuning a reconcile runs with: the snapshot's values or the ECS defaults. */
import type { ServiceSnapshot } from './service-types.js';

export interface ReconcileSettings {
  readonly now: number;
  readonly serviceName: string;
  /** A RUNNING task without a container health check counts as healthy this long after it started. */
  readonly healthyAfterSeconds: number;
  /** A task whose instance's agent has been silent this long is presumed gone. */
  readonly lostAgentTimeoutSeconds: number;
  /** Launch throttle: the first back-off after a failed launch. */
  readonly launchBackoffSeconds: number;
  readonly healthCheckGracePeriodSeconds: number;
}

export const DEFAULT_HEALTHY_AFTER_SECONDS = 40;
export const DEFAULT_LOST_AGENT_TIMEOUT_SECONDS = 60;
export const DEFAULT_LAUNCH_BACKOFF_SECONDS = 5;

export const reconcileSettings = (snapshot: ServiceSnapshot): ReconcileSettings => ({
  now: snapshot.now,
  serviceName: snapshot.service.serviceName,
  healthyAfterSeconds: snapshot.healthyAfterSeconds ?? DEFAULT_HEALTHY_AFTER_SECONDS,
  lostAgentTimeoutSeconds: snapshot.lostAgentTimeoutSeconds ?? DEFAULT_LOST_AGENT_TIMEOUT_SECONDS,
  launchBackoffSeconds: snapshot.launchBackoffSeconds ?? DEFAULT_LAUNCH_BACKOFF_SECONDS,
  healthCheckGracePeriodSeconds: snapshot.service.healthCheckGracePeriodSeconds,
});
