/**
 * @berth/wire — what travels on the wire, per API: shapes generated from botocore's models by
 * scripts/gen-wire.py (`@berth/wire/ecs`, `@berth/wire/elbv2`, `@berth/wire/logs`, `@berth/wire/application-autoscaling`, …), the protocol models the
 * gateway's codecs read, and the agent protocol (`@berth/wire/agent`). This root door holds
 * only what is common to every API: the ServiceModel type.
 *
 * PURE: types and constants only.
 */
export type * from './service-model.js';
