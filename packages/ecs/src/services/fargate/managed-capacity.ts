/**
 * Where a FARGATE task runs: the managed host with the most free memory among those that are
 * ACTIVE, connected and can hold the task's memory. Memory is the admission limit because it is
 * not compressible; CPU is enforced per task by its cgroup quota, so hosts may share cores.
 */
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../agent-presence.js';
import { KIND, type ManagedHostRecord, type TaskRecord } from '../records.js';

/** ECS's answer when Fargate has no room [G service-event-messages]. */
export const NO_FARGATE_CAPACITY =
  'Capacity is unavailable at this time. Please try again later or in a different availability zone';

export interface ManagedHostView {
  readonly record: ManagedHostRecord;
  /** MiB not held by live tasks. */
  readonly freeMemory: number;
}

/** MiB held by live FARGATE tasks, by managed host. */
export const managedMemoryInUse = (reader: StoreReader): Map<string, number> => {
  const used = new Map<string, number>();
  for (const task of reader.list<TaskRecord>(KIND.task)) {
    if (!task.hostArn || task.task.lastStatus === 'STOPPED') continue;
    used.set(task.hostArn, (used.get(task.hostArn) ?? 0) + task.reservation.memory);
  }
  return used;
};

/**
 * An account's connected, ACTIVE managed hosts with the memory their live tasks leave free. The
 * pool is the account's, not a region's: tasks of every region launch onto it.
 */
export const managedCapacity = (
  reader: StoreReader,
  presence: AgentPresence,
  accountId: string,
): ManagedHostView[] => {
  const hosts = reader
    .list<ManagedHostRecord>(KIND.managedHost, accountId)
    .filter((h) => h.status === 'ACTIVE' && presence.isConnected(h.hostArn));
  const used = managedMemoryInUse(reader);
  return hosts.map((record) => ({
    record,
    freeMemory: record.registeredResources.memory - (used.get(record.hostArn) ?? 0),
  }));
};

/** Picks a host for each task in turn (most free memory first); undefined where none has room. */
export const assignManagedHosts = (
  hosts: readonly ManagedHostView[],
  memoryPerTask: readonly number[],
): (ManagedHostRecord | undefined)[] => {
  const free = new Map(hosts.map((h) => [h.record.hostArn, h.freeMemory]));
  return memoryPerTask.map((memory) => {
    let best: ManagedHostView | undefined;
    for (const host of hosts) {
      const left = free.get(host.record.hostArn) ?? 0;
      if (left >= memory && (!best || left > (free.get(best.record.hostArn) ?? 0))) best = host;
    }
    if (best) free.set(best.record.hostArn, (free.get(best.record.hostArn) ?? 0) - memory);
    return best?.record;
  });
};
