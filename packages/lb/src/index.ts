/**
 * @berth/lb — the Application Load Balancer data plane. A pure model of listeners, rules and
 * target groups (and a matcher that is its oracle), a renderer from that model to HAProxy's
 * configuration, the driver of a supervised HAProxy (validated seamless reloads, the runtime API
 * for target churn) and a health checker with ALB's semantics.
 * Invariants: Berth owns the desired state; HAProxy only forwards. Every configuration is
 * validated before it is loaded.
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
export type { HaproxyRenderOptions } from './render/global-section.js';
export { ALB_SERVER_HEADER, albErrorBody } from './render/error-pages.js';
