/**
 * @berth/lb — the Application Load Balancer data plane. A pure model of listeners, rules and
 * target groups (and a matcher that is its oracle), a renderer from that model to HAProxy's
 * configuration, the driver of a supervised HAProxy (validated seamless reloads, the runtime API
 * for target churn) and a health checker with ALB's semantics.
 * Invariants: Berth owns the desired state; HAProxy only forwards. Every configuration is
 * validated before it is loaded. Dynamic servers and their states do not survive a reload, so
 * every reload is followed by a server sync. Berth, not HAProxy, decides target health.
 */
export * from './model/lb-model.js';
export type { AlbRequest } from './model/alb-request.js';
export { hostWithoutPort, queryPairs } from './model/alb-request.js';
export { conditionMatches, matchListenerRule, type RuleMatch } from './model/rule-matcher.js';
export {
  MAX_CONDITION_VALUES_PER_RULE,
  MAX_WILDCARDS_PER_RULE,
  validateRuleConditions,
  type ConditionProblem,
} from './model/rule-condition-validation.js';
export { renderHaproxyConfig } from './render/haproxy-config.js';
export { configStructure } from './render/config-structure.js';
export type { HaproxyRenderOptions } from './render/global-section.js';
export { ALB_SERVER_HEADER, albErrorBody } from './render/error-pages.js';

export {
  HaproxyNotInstalledError,
  locateHaproxy,
  validateHaproxyConfig,
  type ConfigValidation,
  type HaproxyBinary,
  type LocateHaproxyOptions,
} from './haproxy/haproxy-binary.js';
export type { HaproxyLayout } from './haproxy/haproxy-layout.js';
export {
  HaproxyConfigRejectedError,
  HaproxySupervisor,
  type HaproxySupervisorOptions,
  type StartResult,
} from './haproxy/haproxy-process.js';
export { HaproxyRuntimeApi, RuntimeApiError, type RuntimeApiOptions } from './haproxy/runtime-api.js';
export { formatRuntimeCommand, type RuntimeCommand } from './haproxy/runtime-command.js';
export { HaproxySocketError, RuntimeSession } from './haproxy/runtime-socket.js';
export { planServerSync } from './haproxy/server-sync.js';
export { ServerSyncDriver, type BackendSyncResult } from './haproxy/server-sync-driver.js';
export { type ObservedServer } from './haproxy/servers-state.js';
export { type ShowProc, type ProcWorker } from './haproxy/show-proc.js';
export { type StatRow, type StatRowType } from './haproxy/stat-csv.js';
export {
  STAT_COUNTERS,
  counterDelta,
  mergeStatDeltas,
  statDeltas,
  type StatCounter,
  type StatRowDelta,
  type StatSample,
} from './haproxy/stat-counter-deltas.js';

export {
  HealthChecker,
  type CheckedTarget,
  type HealthCheckerOptions,
  type HealthCheckSettings,
  type TargetHealthChange,
} from './health/health-checker.js';
export {
  checkOutcomeOf,
  probeHttp,
  type HttpProbeRequest,
  type HttpProbeResult,
  type HttpProber,
} from './health/http-prober.js';
export {
  ALB_MATCHER_MAX,
  ALB_MATCHER_MIN,
  compileHttpCodeMatcher,
  httpCodeMatcherError,
  type HttpCodePredicate,
} from './health/matcher.js';
export { routableServers, type RoutingDecision, type TargetRouting } from './health/routable-servers.js';
export {
  applyCheckOutcome,
  drainingTargetHealth,
  healthChecksStarted,
  reasonDescription,
  registeredTargetHealth,
  unusedTargetHealth,
  type CheckOutcome,
  type HealthThresholds,
  type TargetHealth,
  type TargetHealthReason,
  type TargetHealthState,
} from './health/target-health-state.js';
