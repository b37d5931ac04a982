import { EMPTY_RESOURCES, type ResourceAmounts } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { KIND, type TaskRecord } from './records.js';

export interface InstanceUsage {
  /** Resources held by tasks that are not yet STOPPED (kept until the task really stops). */
  readonly reserved: ResourceAmounts;
  /** Tasks whose desired status is RUNNING. */
  readonly runningTasksCount: number;
  /** Tasks whose last status is PENDING. */
  readonly pendingTasksCount: number;
  /** Live tasks by task group. */
  readonly taskGroups: Readonly<Record<string, number>>;
}

const EMPTY_USAGE: InstanceUsage = {
  reserved: EMPTY_RESOURCES,
  runningTasksCount: 0,
  pendingTasksCount: 0,
  taskGroups: {},
};

/** Usage of every container instance in a cluster, in one pass over its tasks. */
export const instanceUsage = (
  reader: StoreReader,
  clusterArn: string,
): ReadonlyMap<string, InstanceUsage> => {
  type Entry = {
    cpu: number;
    memory: number;
    ports: number[];
    portsUdp: number[];
    running: number;
    pending: number;
    groups: Record<string, number>;
  };
  const usage = new Map<string, Entry>();
  for (const record of reader.list<TaskRecord>(KIND.task, clusterArn)) {
    const instanceArn = record.task.containerInstanceArn;
    if (!instanceArn || record.task.lastStatus === 'STOPPED') continue;
    let e = usage.get(instanceArn);
    if (!e)
      usage.set(
        instanceArn,
        (e = { cpu: 0, memory: 0, ports: [], portsUdp: [], running: 0, pending: 0, groups: {} }),
      );
    const reserved = record.reservation;
    e.cpu += reserved.cpu;
    e.memory += reserved.memory;
    for (const port of reserved.ports) e.ports.push(port);
    for (const port of reserved.portsUdp) e.portsUdp.push(port);
    if (record.task.desiredStatus === 'RUNNING') e.running += 1;
    if (record.task.lastStatus === 'PENDING') e.pending += 1;
    const group = record.task.group ?? '';
    e.groups[group] = (e.groups[group] ?? 0) + 1;
  }
  const result = new Map<string, InstanceUsage>();
  for (const [arn, e] of usage) {
    result.set(arn, {
      reserved: { cpu: e.cpu, memory: e.memory, ports: e.ports, portsUdp: e.portsUdp },
      runningTasksCount: e.running,
      pendingTasksCount: e.pending,
      taskGroups: e.groups,
    });
  }
  return result;
};

export const usageOf = (usage: ReadonlyMap<string, InstanceUsage>, instanceArn: string): InstanceUsage =>
  usage.get(instanceArn) ?? EMPTY_USAGE;

/** Usage with the given newly placed tasks added (for placing several batches in one transaction). */
export const withTasks = (
  usage: ReadonlyMap<string, InstanceUsage>,
  tasks: readonly TaskRecord[],
): Map<string, InstanceUsage> => {
  const next = new Map(usage);
  for (const record of tasks) {
    const arn = record.task.containerInstanceArn ?? '';
    const before = usageOf(next, arn);
    const group = record.task.group ?? '';
    next.set(arn, {
      reserved: {
        cpu: before.reserved.cpu + record.reservation.cpu,
        memory: before.reserved.memory + record.reservation.memory,
        ports: [...before.reserved.ports, ...record.reservation.ports],
        portsUdp: [...before.reserved.portsUdp, ...record.reservation.portsUdp],
      },
      runningTasksCount: before.runningTasksCount + 1,
      pendingTasksCount: before.pendingTasksCount + (record.task.lastStatus === 'PENDING' ? 1 : 0),
      taskGroups: { ...before.taskGroups, [group]: (before.taskGroups[group] ?? 0) + 1 },
    });
  }
  return next;
};
