/**
 * FARGATE_SPOT interruptions: reclaiming spot capacity stops the cluster's FARGATE_SPOT tasks with
 * stopCode SpotInterruption. As on Fargate, the containers get SIGTERM at once and SIGKILL when
 * the warning runs out (two minutes on AWS; configurable here). Services replace their tasks.
 */
import type { Partition } from '@berth/core';

import { activeCluster } from '../cluster-ref.js';
import { KIND, type TaskRecord } from '../records.js';
import { stopTask } from '../tasks/stop-task.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';

/** The interruption notice Fargate gives a Spot task before it stops [G fargate-capacity-providers]. */
export const DEFAULT_SPOT_WARNING_SECONDS = 120;
export const SPOT_INTERRUPTED_REASON = 'Your Spot Task was interrupted.';

export interface ReclaimSpotRequest {
  readonly cluster?: string;
  /** How many FARGATE_SPOT tasks to reclaim (default: all of the cluster's). */
  readonly count?: number;
}

export class SpotReclaimService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly warningSeconds: number = DEFAULT_SPOT_WARNING_SECONDS,
  ) {}

  reclaim(partition: Partition, request: ReclaimSpotRequest): { reclaimedTaskArns: string[] } {
    return this.deps.store.transact((tx) => {
      const clusterArn = activeCluster(tx, partition, request.cluster).cluster.clusterArn ?? '';
      const spot = tx
        .list<TaskRecord>(KIND.task, clusterArn)
        .filter((t) => t.task.capacityProviderName === 'FARGATE_SPOT' && t.task.desiredStatus === 'RUNNING')
        .sort((a, b) => (a.task.createdAt ?? 0) - (b.task.createdAt ?? 0))
        .slice(0, request.count ?? Number.MAX_SAFE_INTEGER);
      const now = epochSeconds(this.deps.now());
      for (const record of spot) {
        stopTask(tx, record, {
          code: 'SpotInterruption',
          reason: SPOT_INTERRUPTED_REASON,
          now,
          graceSeconds: this.warningSeconds,
        });
      }
      return { reclaimedTaskArns: spot.map((t) => t.task.taskArn ?? '') };
    });
  }
}
