/**
 * @berth/scheduler — decides, never acts. ECS task placement (filters, strategies, the cluster
 * query language used by `memberOf` and ListContainerInstances filters), scale-in ordering and
 * Application Auto Scaling's capacity decisions.
 *
 * Invariants:
 * - PURE: no I/O, clock, timers or Math.random. Randomness comes from a seed argument, so the same
 *   inputs always give the same decision.
 * - Placement never over-commits: a task goes only where its CPU, memory and host ports fit after
 *   every task placed before it in the same call, and only onto ACTIVE instances with a connected
 *   agent that satisfy every required attribute and constraint.
 * - Invalid expressions, constraints and strategies throw ApiError InvalidParameterException.
 */
export { parseExpression, MAX_EXPRESSION_LENGTH } from './query-language/parse-expression.js';
export { evaluate } from './query-language/evaluate.js';
export { matchesExpression } from './query-language/matches-expression.js';
export type {
  QueryComparison,
  QueryExpression,
  QueryOperator,
  QuerySubject,
  QueryValue,
} from './query-language/query-expression.js';
export type { QueryableInstance } from './query-language/queryable-instance.js';

export { placeTasks } from './placement/place-tasks.js';
export { rankForStop } from './placement/rank-for-stop.js';
export type { StopCandidate } from './placement/rank-for-stop.js';
export { FailureReason } from './placement/failure-reasons.js';
export type {
  PlacementAssignment,
  PlacementFailure,
  PlacementInstance,
  PlacementRequest,
  PlacementResult,
} from './placement/placement-types.js';

export { seededRandom } from './random/seeded-random.js';
export type { RandomSource } from './random/seeded-random.js';

// The service scheduler: one pure reconcile step per service (rolling update within
// minimumHealthyPercent/maximumPercent, replacement of unhealthy, lost and draining tasks, circuit
// breaker with rollback, launch throttle, DAEMON). Same snapshot ⇒ same plan.
export { reconcileService } from './service/reconcile-service.js';
export type {
  AlarmStateValue,
  DeploymentAlarmWatch,
  DeploymentState,
  DeploymentStatus,
  RolloutState,
  ServiceConfig,
  ServicePlan,
  ServiceSnapshot,
  ServiceTask,
  TaskTargetHealth,
  TaskLaunch,
  TaskStop,
} from './service/service-types.js';
export type {
  HookAction,
  HookRun,
  HookRunStatus,
  HookStage,
  LifecycleStage,
  ShiftHookConfig,
  ShiftStrategy,
  TrafficShiftSettings,
  TrafficShiftState,
} from './service/traffic-shift/shift-types.js';
export { initialShiftState } from './service/traffic-shift/shift-types.js';
export { lifecycleStageOf } from './service/traffic-shift/shift-phases.js';
export { rollingBounds } from './service/rolling-bounds.js';
export type { RollingBounds } from './service/rolling-bounds.js';
export { circuitBreakerThreshold } from './service/circuit-breaker.js';
export { launchBackoff, MAX_LAUNCH_BACKOFF_SECONDS } from './service/launch-throttle.js';
export { serviceEvents } from './service/service-events.js';
export { serviceReasons } from './service/service-reasons.js';
export {
  DEFAULT_HEALTHY_AFTER_SECONDS,
  DEFAULT_LAUNCH_BACKOFF_SECONDS,
  DEFAULT_LOST_AGENT_TIMEOUT_SECONDS,
} from './service/reconcile-settings.js';

// Capacity provider strategies: how many tasks each provider gets (base first, then by weight).
export { splitByStrategy } from './capacity/split-by-strategy.js';
export type { StrategyItem } from './capacity/split-by-strategy.js';

// The task-set scheduler (EXTERNAL deployment controller): each task set kept at ceil(service
// desiredCount × scale %), scale-in in the placement strategies' order, DRAINING task sets emptied.
export { reconcileTaskSets, TASK_SET_GONE_REASON } from './task-set/reconcile-task-sets.js';
export { computedDesiredCount } from './task-set/computed-desired-count.js';
export type {
  StabilityStatus,
  TaskSetState,
  TaskSetStatus,
  TaskSetsPlan,
  TaskSetsSnapshot,
} from './task-set/task-set-types.js';
// ECS Managed Daemons: one daemon task per instance of the daemon's capacity providers, rolled
// out a batch of instances at a time, draining instances whose daemon task stopped on its own.
export { planDaemon } from './daemon/plan-daemon.js';
export {
  daemonFailureThreshold,
  daemonRolloutReasons,
  effectiveRevision,
  stepSize,
} from './daemon/daemon-rollout.js';
export type {
  DaemonDeploymentStatus,
  DaemonInstance,
  DaemonLaunch,
  DaemonPlan,
  DaemonRollback,
  DaemonRollout,
  DaemonSnapshot,
  DaemonStop,
  DaemonStopKind,
  DaemonTask,
} from './daemon/daemon-types.js';

// Application Auto Scaling's decisions for ECS services: target-tracking capacity, step
// adjustments, cooldowns, min/max clamping, and when scheduled actions fire.
export { clampCapacity } from './scaling/clamp-capacity.js';
export { targetTrackingCapacity, type TargetTrackingInput } from './scaling/target-tracking-capacity.js';
export {
  percentChange,
  selectStepAdjustment,
  stepCapacity,
  type AdjustmentKind,
  type StepBounds,
  type StepCapacityInput,
} from './scaling/step-adjustment.js';
export {
  cooldownDecision,
  DEFAULT_ECS_COOLDOWN_SECONDS,
  effectiveCooldown,
  type CooldownDecision,
  type CooldownInput,
  type ScalingEvent,
} from './scaling/scaling-cooldown.js';
export {
  isValidTimezone,
  parseScalingSchedule,
  type ScalingSchedule,
  type ScheduleParse,
} from './scaling/scaling-schedule.js';
export { nextScheduledFire, type ScheduledFireInput } from './scaling/next-scheduled-fire.js';
