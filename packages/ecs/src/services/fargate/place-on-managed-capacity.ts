/**
 * Places FARGATE tasks on the managed pool: a host per task (most free memory first), committed
 * through the plan applier. Tasks that find no room fail with ECS's capacity message.
 */
import type { Partition } from '@berth/core';
import type { Failure } from '@berth/wire/ecs';
import type { StoreTransaction } from '@berth/store';

import { applyPlan } from '../../plan/plan-applier.js';
import type { AgentPresence } from '../agent-presence.js';
import type { ManagedHostRecord, TaskRecord } from '../records.js';

import { assignManagedHosts, managedCapacity, NO_FARGATE_CAPACITY } from './managed-capacity.js';

export interface ManagedPlacement {
  readonly committed: readonly TaskRecord[];
  readonly failures: readonly Failure[];
}

export const placeOnManagedCapacity = (
  tx: StoreTransaction,
  presence: AgentPresence,
  partition: Partition,
  clusterArn: string,
  ask: { readonly count: number; readonly memoryMiB: number },
  build: (host: ManagedHostRecord) => TaskRecord,
): ManagedPlacement => {
  const hosts = managedCapacity(tx, presence, partition.accountId);
  const picks = assignManagedHosts(hosts, new Array<number>(ask.count).fill(ask.memoryMiB));
  const placed = picks.filter((host): host is ManagedHostRecord => host !== undefined).map(build);
  const outcome = applyPlan(tx, clusterArn, placed);
  const unplaced = ask.count - outcome.committed.length;
  return {
    committed: outcome.committed,
    failures: new Array<Failure>(unplaced).fill({ reason: NO_FARGATE_CAPACITY }),
  };
};
