/**
 * @berth/ecs — the ECS API: thin handlers (api/), use cases writing intent to the state store
 * (services/), the plan applier and the level-triggered controllers (controllers/), plus the
 * agent protocol and Berth's admin API. `createEcsModule` wires them over a store; the server
 * composes it with the other APIs behind the gateway.
 * Invariants: handlers never touch the store; only agent reports write lastStatus; only the
 * control plane writes desiredStatus; placements are committed only through the plan applier.
 */
export { createEcsModule, type EcsModule, type EcsModuleConfig } from './ecs-module.js';
export type { EcsUseCases, ServiceCapacity } from './ecs-use-cases.js';
export type { ControlPlaneServices } from './api/ecs/control-plane-services.js';
export type { DeploymentAlarms } from './services/ecs-services/deployment-alarms.js';
export type {
  ListenerRuleFacts,
  LoadBalancerTarget,
  LoadBalancerTargetHealth,
  LoadBalancing,
  TargetGroupFacts,
  TargetGroupWeight,
} from './services/load-balancing/load-balancing.js';
export {
  DROPPING_METRIC_SINK,
  ECS_METRIC_NAMESPACE,
  type MetricDatum,
  type MetricDimension,
  type MetricSink,
} from './services/task-metrics/metric-sink.js';
export { ADMIN_TARGET_PREFIX } from './api/admin/admin-service.js';
export { DEFAULT_FARGATE_PRICES, type FargatePrices } from './services/usage/fargate-prices.js';
export type { UsageRow } from './services/usage/task-usage.js';
export type { GetUsageReportRequest, UsageReport } from './services/usage/usage-report.js';
export type { UsageTotals } from './services/usage/usage-totals.js';
export {
  DEFAULT_SPOT_WARNING_SECONDS,
  type ReclaimSpotRequest,
} from './services/fargate/spot-reclaim-service.js';
export { ECS_TASKS_PRINCIPAL, type TaskRoleSessions } from './services/agent-link/task-role-sessions.js';
