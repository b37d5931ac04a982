import type { ImagePullBehavior } from '../runtime/container-runtime.js';

/** The task engine's settings (the ECS agent's ECS_* equivalents). Every field has a default. */
export interface EngineConfig {
  /** ECS_IMAGE_PULL_BEHAVIOR; default `default`. */
  readonly imagePullBehavior?: ImagePullBehavior;
  /** ECS_CONTAINER_STOP_TIMEOUT: SIGTERM → SIGKILL grace when a container sets no stopTimeout; default 30. */
  readonly containerStopTimeoutSeconds?: number;
  /**
   * ECS_CONTAINER_START_TIMEOUT: how long a dependency may take to reach a COMPLETE, SUCCESS or
   * HEALTHY condition when it sets no startTimeout; default 180.
   */
  readonly containerStartTimeoutSeconds?: number;
  /** Address bridge-mode ports are published on; default `127.0.0.1`. */
  readonly bridgeHostIp?: string;
  /** ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION: a STOPPED task's containers are removed this long after; default 3 h. */
  readonly taskCleanupWaitSeconds?: number;
  /** An image for awsvpc pause containers instead of the built-in one (required off x86-64). */
  readonly pauseImage?: string;
  /** How often every live container is re-inspected, in case an event was lost; default 10. */
  readonly resyncIntervalSeconds?: number;
}

export interface ResolvedEngineConfig {
  readonly imagePullBehavior: ImagePullBehavior;
  readonly containerStopTimeoutSeconds: number;
  readonly containerStartTimeoutSeconds: number;
  readonly bridgeHostIp: string;
  readonly taskCleanupWaitSeconds: number;
  readonly pauseImage?: string;
  readonly resyncIntervalSeconds: number;
}

export const ENGINE_DEFAULTS = {
  imagePullBehavior: 'default',
  containerStopTimeoutSeconds: 30,
  containerStartTimeoutSeconds: 180,
  bridgeHostIp: '127.0.0.1',
  taskCleanupWaitSeconds: 3 * 60 * 60,
  resyncIntervalSeconds: 10,
} as const satisfies ResolvedEngineConfig;

export const resolveEngineConfig = (config: EngineConfig): ResolvedEngineConfig =>
  Object.freeze({
    imagePullBehavior: config.imagePullBehavior ?? ENGINE_DEFAULTS.imagePullBehavior,
    containerStopTimeoutSeconds:
      config.containerStopTimeoutSeconds ?? ENGINE_DEFAULTS.containerStopTimeoutSeconds,
    containerStartTimeoutSeconds:
      config.containerStartTimeoutSeconds ?? ENGINE_DEFAULTS.containerStartTimeoutSeconds,
    bridgeHostIp: config.bridgeHostIp ?? ENGINE_DEFAULTS.bridgeHostIp,
    taskCleanupWaitSeconds: config.taskCleanupWaitSeconds ?? ENGINE_DEFAULTS.taskCleanupWaitSeconds,
    resyncIntervalSeconds: config.resyncIntervalSeconds ?? ENGINE_DEFAULTS.resyncIntervalSeconds,
    ...(config.pauseImage === undefined ? {} : { pauseImage: config.pauseImage }),
  });
