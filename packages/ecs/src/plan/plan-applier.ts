/**
 * The single plan applier: every placement is committed through here. It re-checks each placed
 * task against the latest state inside the committing transaction (instance still ACTIVE, CPU,
 * memory and ports still free; for FARGATE tasks, the managed host still ACTIVE with the memory
 * free) and commits the tasks that fit; the rest are rejected, so
 * concurrent planners can never over-commit an instance.
 */
import { parseArn, subtractResources, type ResourceAmounts } from '@berth/core';
import type { StoreTransaction } from '@berth/store';

import { instanceUsage, usageOf, type InstanceUsage } from '../services/instance-usage.js';
import { managedMemoryInUse } from '../services/fargate/managed-capacity.js';
import {
  KIND,
  type ContainerInstanceRecord,
  type ManagedHostRecord,
  type TaskRecord,
} from '../services/records.js';

export interface PlanOutcome {
  readonly committed: readonly TaskRecord[];
  readonly rejected: readonly { readonly task: TaskRecord; readonly reason: string }[];
}

const misfit = (remaining: ResourceAmounts, wanted: ResourceAmounts): string | undefined => {
  if (wanted.cpu > remaining.cpu) return 'RESOURCE:CPU';
  if (wanted.memory > remaining.memory) return 'RESOURCE:MEMORY';
  if (wanted.ports.some((p) => remaining.ports.includes(p))) return 'RESOURCE:PORTS';
  if (wanted.portsUdp.some((p) => remaining.portsUdp.includes(p))) return 'RESOURCE:PORTS_UDP';
  return undefined;
};

interface ManagedRoom {
  readonly accountId: string;
  free: number;
}

const managedRoom = (tx: StoreTransaction): Map<string, ManagedRoom> => {
  const used = managedMemoryInUse(tx);
  return new Map(
    tx
      .list<ManagedHostRecord>(KIND.managedHost)
      .filter((h) => h.status === 'ACTIVE')
      .map((h) => [
        h.hostArn,
        { accountId: h.accountId, free: h.registeredResources.memory - (used.get(h.hostArn) ?? 0) },
      ]),
  );
};

/**
 * A FARGATE task is admitted by its host's free memory (CPU is capped per task by its cgroup), and
 * only on a host of its own account.
 */
const managedMisfit = (room: Map<string, ManagedRoom>, task: TaskRecord): string | undefined => {
  const host = room.get(task.hostArn ?? '');
  if (!host || host.accountId !== parseArn(task.task.taskArn ?? '')?.accountId) return 'INACTIVE';
  if (task.reservation.memory > host.free) return 'RESOURCE:MEMORY';
  host.free -= task.reservation.memory;
  return undefined;
};

/** `usage` may be passed when the caller read it in this same transaction (it is not re-read then). */
export const applyPlan = (
  tx: StoreTransaction,
  clusterArn: string,
  tasks: readonly TaskRecord[],
  usage: ReadonlyMap<string, InstanceUsage> = instanceUsage(tx, clusterArn),
): PlanOutcome => {
  const remaining = new Map<string, ResourceAmounts>();
  const committed: TaskRecord[] = [];
  const rejected: { task: TaskRecord; reason: string }[] = [];
  let managed: Map<string, ManagedRoom> | undefined;
  for (const task of tasks) {
    if (task.hostArn) {
      managed ??= managedRoom(tx);
      const reason = managedMisfit(managed, task);
      if (reason) rejected.push({ task, reason });
      else {
        tx.put(KIND.task, task.task.taskArn ?? '', clusterArn, task);
        committed.push(task);
      }
      continue;
    }
    const instanceArn = task.task.containerInstanceArn ?? '';
    const instance = tx.get<ContainerInstanceRecord>(KIND.containerInstance, instanceArn);
    if (!instance || instance.instance.status !== 'ACTIVE') {
      rejected.push({ task, reason: 'INACTIVE' });
      continue;
    }
    const free =
      remaining.get(instanceArn) ??
      subtractResources(instance.registeredResources, usageOf(usage, instanceArn).reserved);
    const reason = misfit(free, task.reservation);
    if (reason) {
      rejected.push({ task, reason });
      continue;
    }
    remaining.set(instanceArn, subtractResources(free, task.reservation));
    tx.put(KIND.task, task.task.taskArn ?? '', clusterArn, task);
    committed.push(task);
  }
  return { committed, rejected };
};
