/**
 * @berth/control-plane — the ECS API server: HTTP + SigV4 front door, thin handlers, use-case
 * services writing intent to the state store, the plan applier and the controllers.
 * Invariants: handlers never touch the store; only agent reports write lastStatus; only the
 * control plane writes desiredStatus; placements are committed only through the plan applier.
 */
export { startControlPlane, type ControlPlaneConfig, type RunningControlPlane } from './control-plane.js';
export type { CredentialPair } from './http/credentials.js';
export { ADMIN_TARGET_PREFIX } from './api/admin/admin-service.js';
export { DEFAULT_FARGATE_PRICES, type FargatePrices } from './services/usage/fargate-prices.js';
export type { UsageRow } from './services/usage/task-usage.js';
export type { GetUsageReportRequest, UsageReport } from './services/usage/usage-report.js';
export type { UsageTotals } from './services/usage/usage-totals.js';
export {
  DEFAULT_SPOT_WARNING_SECONDS,
  type ReclaimSpotRequest,
} from './services/fargate/spot-reclaim-service.js';
