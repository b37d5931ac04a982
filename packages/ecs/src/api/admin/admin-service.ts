/**
 * Berth's admin API (AWS JSON 1.1, SigV4 with signing name `ecs`, like the agent protocol):
 * operator operations ECS has no API for. Each operation lives in its own file; add it here.
 */
import { internalJsonModel, type ApiService, type Operation } from '@berth/gateway';
import type { ControlPlaneServices } from '../ecs/control-plane-services.js';

import { reclaimSpotCapacity } from './spot-operations.js';
import { getUsageReport } from './usage-operations.js';

export const ADMIN_TARGET_PREFIX = 'BerthAdminV1';

export const adminService = (services: ControlPlaneServices): ApiService => ({
  model: internalJsonModel(ADMIN_TARGET_PREFIX, 'ecs'),
  rootOnly: true,
  operations: new Map<string, Operation>([
    ['GetUsageReport', getUsageReport(services)],
    ['ReclaimSpotCapacity', reclaimSpotCapacity(services)],
  ]),
});
