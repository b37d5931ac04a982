import { addResources, EMPTY_RESOURCES, type ResourceAmounts } from '@berth/core';
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
  const usage = new Map<
    string,
    { reserved: ResourceAmounts; running: number; pending: number; groups: Record<string, number> }
  >();
  for (const record of reader.list<TaskRecord>(KIND.task, clusterArn)) {
    const instanceArn = record.task.containerInstanceArn;
    if (!instanceArn || record.task.lastStatus === 'STOPPED') continue;
    let entry = usage.get(instanceArn);
    if (!entry)
      usage.set(instanceArn, (entry = { reserved: EMPTY_RESOURCES, running: 0, pending: 0, groups: {} }));
    entry.reserved = addResources(entry.reserved, record.reservation);
    if (record.task.desiredStatus === 'RUNNING') entry.running += 1;
    if (record.task.lastStatus === 'PENDING') entry.pending += 1;
    const group = record.task.group ?? '';
    entry.groups[group] = (entry.groups[group] ?? 0) + 1;
  }
  const result = new Map<string, InstanceUsage>();
  for (const [arn, e] of usage) {
    result.set(arn, {
      reserved: e.reserved,
      runningTasksCount: e.running,
      pendingTasksCount: e.pending,
      taskGroups: e.groups,
    });
  }
  return result;
};

export const usageOf = (usage: ReadonlyMap<string, InstanceUsage>, instanceArn: string): InstanceUsage =>
  usage.get(instanceArn) ?? EMPTY_USAGE;
