/**
 * ECS's native traffic-shifting deployments (deploymentConfiguration.strategy BLUE_GREEN, LINEAR and
 * CANARY): the settings a service runs them with and the progress a deployment keeps. Times are
 * epoch seconds; percentages are the green (new) revision's share of traffic.
 */

/** ServiceDeployment.lifecycleStage values a shifting deployment passes through [M]. */
export type LifecycleStage =
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

/** DeploymentLifecycleHook.lifecycleStages values [M]. */
export type HookStage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT';

export type HookAction = 'CONTINUE' | 'ROLLBACK';

/** One configured lifecycle hook, by its index in deploymentConfiguration.lifecycleHooks. */
export interface ShiftHookConfig {
  readonly index: number;
  readonly stages: readonly HookStage[];
  /** PAUSE hooks wait for ContinueServiceDeployment; the others are invoked by the control plane. */
  readonly pause: boolean;
  readonly timeoutSeconds: number;
  readonly timeoutAction: HookAction;
}

export type ShiftStrategy =
  | { readonly type: 'BLUE_GREEN' }
  | { readonly type: 'LINEAR'; readonly stepPercent: number; readonly stepBakeSeconds: number }
  | { readonly type: 'CANARY'; readonly canaryPercent: number; readonly canaryBakeSeconds: number };

export interface TrafficShiftSettings {
  readonly strategy: ShiftStrategy;
  /** bakeTimeInMinutes: blue and green both run this long after production traffic has shifted. */
  readonly bakeSeconds: number;
  readonly hooks: readonly ShiftHookConfig[];
}

/**
 * AWAITING_ACTION (PAUSE) and IN_PROGRESS (invoked) are unresolved; TIMED_OUT resolves through the
 * hook's timeout action.
 */
export type HookRunStatus = 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export interface HookRun {
  readonly hookId: string;
  readonly hookIndex: number;
  readonly stage: HookStage;
  readonly status: HookRunStatus;
  readonly startedAt: number;
  readonly expiresAt: number;
  readonly timeoutAction: HookAction;
  /** Invoked hooks: when the control plane (re)invokes it next (IN_PROGRESS answers ask to be called back). */
  readonly nextInvokeAt?: number;
  /** Why it resolved as it did (the hook's answer, the user's action, the timeout). */
  readonly reason?: string;
}

/** A shifting deployment's progress, kept on its DeploymentState. */
export interface TrafficShiftState {
  /** Index into the phases of shift-phases.ts. */
  readonly phase: number;
  readonly phaseStartedAt: number;
  readonly productionPercent: number;
  readonly testPercent: number;
  /** When production traffic last moved (LINEAR steps, CANARY's bake). */
  readonly lastShiftAt: number;
  /** The lifecycle hooks of the current phase. */
  readonly hooks: readonly HookRun[];
  /**
   * A rollback the user asked for (StopServiceDeployment, or ContinueServiceDeployment with
   * ROLLBACK): the next reconcile returns traffic to the blue revision.
   */
  readonly rollbackRequested?: string;
}

/**
 * (impl) A change of listener weights reaches the load balancer's data plane through a reload,
 * while a deregistration takes effect at once: the revision traffic left is stopped no sooner than
 * this long after the last move, so no request is routed by the old weights to targets already
 * draining.
 */
export const TRAFFIC_SETTLE_SECONDS = 3;

export const initialShiftState = (now: number): TrafficShiftState => ({
  phase: 0,
  phaseStartedAt: now,
  productionPercent: 0,
  testPercent: 0,
  lastShiftAt: now,
  hooks: [],
});
