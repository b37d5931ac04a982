/** Calls the admin API's GetUsageReport with the agent's SigV4 JSON 1.1 client. */
import type { ControlPlaneClient } from '@berth/agent';
import { ADMIN_TARGET_PREFIX, type GetUsageReportRequest, type UsageReport } from '@berth/ecs';

export const USAGE_REPORT_TIMEOUT_MS = 30_000;

export const fetchUsageReport = (
  client: ControlPlaneClient,
  request: GetUsageReportRequest,
): Promise<UsageReport> =>
  client.call<UsageReport>(`${ADMIN_TARGET_PREFIX}.GetUsageReport`, request, USAGE_REPORT_TIMEOUT_MS);
