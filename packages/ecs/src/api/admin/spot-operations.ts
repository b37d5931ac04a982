/** ReclaimSpotCapacity: interrupts a cluster's FARGATE_SPOT tasks (all, or the oldest `count`). */
import { invalidParameter } from '@berth/core';

import type { Operation } from '@berth/gateway';
import type { ReclaimSpotRequest } from '../../services/fargate/spot-reclaim-service.js';
import type { ControlPlaneServices } from '../ecs/control-plane-services.js';

export const reclaimSpotRequest = (input: Record<string, unknown>): ReclaimSpotRequest => {
  const { cluster, count } = input;
  if (cluster !== undefined && cluster !== null && typeof cluster !== 'string') {
    throw invalidParameter('cluster must be a string.');
  }
  if (count !== undefined && count !== null && (!Number.isInteger(count) || (count as number) < 1)) {
    throw invalidParameter('count must be a positive integer.');
  }
  return {
    ...(typeof cluster === 'string' ? { cluster } : {}),
    ...(typeof count === 'number' ? { count } : {}),
  };
};

export const reclaimSpotCapacity =
  ({ spot }: ControlPlaneServices): Operation =>
  (ctx, input) =>
    spot.reclaim(ctx.partition, reclaimSpotRequest(input));
