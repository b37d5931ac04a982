/** What one rolling step (REPLICA or DAEMON) decides for the PRIMARY deployment. */
import type { LiveTask } from './classify-tasks.js';
import type { RollingBounds } from './rolling-bounds.js';
import type { DeploymentState, TaskLaunch, TaskStop } from './service-types.js';

/** allowed: launch; throttled: the launch throttle holds launches back; failed: FAILED, never launch. */
export type LaunchMode = 'allowed' | 'throttled' | 'failed';

export interface RollingStepInput {
  readonly live: readonly LiveTask[];
  readonly primary: DeploymentState;
  /** Every listed deployment, the PRIMARY included: which tasks serve, and the stop order. */
  readonly deployments: readonly DeploymentState[];
  readonly desired: number;
  readonly bounds: RollingBounds;
  readonly launchMode: LaunchMode;
}

export interface RollingStep {
  readonly launches: readonly TaskLaunch[];
  readonly stops: readonly TaskStop[];
  /** Launches the bounds allowed but the launch throttle held back. */
  readonly withheld: number;
  /** Work remains, yet the bounds let the step neither start nor stop anything, now or later. */
  readonly stuck: boolean;
  /** Tasks the step would have stopped for scale-in or the deployment but for their protection. */
  readonly protectedHeld: number;
}

export const IDLE_STEP: RollingStep = {
  launches: [],
  stops: [],
  withheld: 0,
  stuck: false,
  protectedHeld: 0,
};
