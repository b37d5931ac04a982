/**
 * @berth/elbv2 — the Elastic Load Balancing v2 API (Application Load Balancers): thin handlers
 * (api/), use cases over the state store (services/), the domain records (records/) and a pure
 * projection of those records to the data plane's model (data-plane-model.ts, read by @berth/lb).
 * `createElbv2Module` wires them over a store; the server puts `api` behind the gateway.
 * Invariants: handlers never touch the store; every failure is an ApiError with ELBv2's code;
 * a listener's default rule exists as long as the listener and is never deleted on its own;
 * the target-group-use index changes in the same transaction as the rules that feed it; a target
 * group forwards for at most one load balancer; draining targets leave only after their
 * deregistration delay (expireDrainingTargets); load balancers stay `provisioning` until the data
 * plane calls markActive. The data plane controller (data-plane/) keeps a supervised HAProxy in
 * step with the records and owns target health; the ALB metrics collector (metrics/) turns HAProxy's
 * counters and that health into AWS/ApplicationELB metrics for an AlbMetricSink.
 */
export { createElbv2Module, type Elbv2Module, type Elbv2ModuleConfig } from './elbv2-module.js';
export type { Elbv2Services } from './api/elbv2-services.js';
export {
  elbv2UseCases,
  type Elbv2UseCases,
  type ServiceLoadBalancerCheck,
  type ServiceLoadBalancerVerdict,
  type TargetGroupSettings,
  type TargetHealthReport,
  type TargetRegistration,
} from './elbv2-use-cases.js';
export type { RuleForward, TargetGroupWeight } from './services/rules/forward-weights.js';
export {
  dataPlaneModel,
  type Elbv2Snapshot,
  type ProjectionInputs,
  type RouteDecision,
} from './data-plane-model.js';
export { DataPlaneController, type DataPlaneControllerOptions } from './data-plane/data-plane-controller.js';
export { TargetHealthBoard } from './data-plane/target-health-board.js';
export { AlbMetricsCollector, type AlbMetricsCollectorOptions } from './metrics/alb-metrics-collector.js';
export {
  ALB_METRIC_NAMESPACE,
  type AlbMetricDatum,
  type AlbMetricDimension,
  type AlbMetricSink,
} from './metrics/alb-metric-sink.js';
export {
  InMemoryLoadBalancerAddressPool,
  type LoadBalancerAddressPool,
} from './services/addresses/load-balancer-address-pool.js';
export type { InstanceAddressResolver } from './services/data-plane-source.js';
export type { ObservedHealth, TargetHealthSource } from './services/targets/target-health.js';
export type { Elbv2IdSource } from './services/service-deps.js';
export type { LoadBalancerRecord } from './records/load-balancer-record.js';
export type { ListenerRecord } from './records/listener-record.js';
export type { RuleRecord, ActionRecord, ConditionRecord } from './records/rule-record.js';
export type { TargetGroupRecord, HealthCheckSettings } from './records/target-group-record.js';
export type { RegisteredTargetRecord } from './records/registered-target-record.js';
