/**
 * Keeps a FARGATE task's final usage once its record is purged: the retention controller calls
 * this in the same transaction that deletes the task, so usage reports still count it. The
 * archive is a KIND.usage record keyed by task ARN and scoped by cluster ARN; it holds usage
 * without prices, which reports apply when they are read.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';

import { meterTask, type TaskUsage } from './task-usage.js';

/** Archives a task's usage (nothing for a task that is not metered). */
export const archiveTaskUsage = (tx: StoreTransaction, record: TaskRecord, nowMs: number): void => {
  const usage = meterTask(record, nowMs);
  if (!usage) return;
  tx.put(KIND.usage, usage.taskArn, usage.clusterArn, { ...usage, running: false } satisfies TaskUsage);
};

/** The archived usage of a cluster's purged tasks. */
export const archivedUsage = (reader: StoreReader, clusterArn: string): TaskUsage[] =>
  reader.list<TaskUsage>(KIND.usage, clusterArn);
