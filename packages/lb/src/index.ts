/**
 * @berth/lb — the Application Load Balancer data plane. A pure model of listeners, rules and
 * target groups (and a matcher that is its oracle), a renderer from that model to HAProxy's
 * configuration, the driver of a supervised HAProxy (validated seamless reloads, the runtime API
 * for target churn) and a health checker with ALB's semantics.
 * Invariants: Berth owns the desired state; HAProxy only forwards. Every configuration is
 * validated before it is loaded.
 */
export * from './model/lb-model.js';
