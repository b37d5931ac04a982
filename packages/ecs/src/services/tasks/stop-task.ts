/**
 * The one way a task is asked to stop: desiredStatus STOPPED with the stop's code, reason and
 * time, and its version bumped so its agent hears of it. A RUNNING task registered behind load
 * balancers goes DEACTIVATING first: its targets drain, and only then is its agent told to stop it
 * (controllers/load-balancing). A task already desired STOPPED keeps its
 * first stop (a second StopTask changes nothing). Used by StopTask, the service, task-set and
 * daemon controllers and Spot reclaim.
 */
import type { TaskStopCode } from '@berth/wire/ecs';
import type { StoreTransaction } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';

export interface TaskStopRequest {
  readonly code: TaskStopCode;
  readonly reason: string;
  /** Epoch seconds. */
  readonly now: number;
  /** Seconds the containers get between SIGTERM and SIGKILL, when not the definition's own. */
  readonly graceSeconds?: number;
}

/** The record of `record` asked to stop, or undefined when it already was. */
export const stoppedTaskRecord = (record: TaskRecord, stop: TaskStopRequest): TaskRecord | undefined => {
  if (record.task.desiredStatus === 'STOPPED') return undefined;
  return {
    ...record,
    ...(stop.graceSeconds !== undefined ? { stopGraceSeconds: stop.graceSeconds } : {}),
    task: {
      ...record.task,
      ...((record.loadBalancerTargets ?? []).length > 0 && record.task.lastStatus === 'RUNNING'
        ? { lastStatus: 'DEACTIVATING' }
        : {}),
      desiredStatus: 'STOPPED',
      stoppingAt: stop.now,
      stopCode: stop.code,
      stoppedReason: stop.reason,
      version: (record.task.version ?? 0) + 1,
    },
  };
};

/** Asks a task to stop in `tx`; returns the record as it now is. */
export const stopTask = (tx: StoreTransaction, record: TaskRecord, stop: TaskStopRequest): TaskRecord => {
  const stopped = stoppedTaskRecord(record, stop);
  if (!stopped) return record;
  tx.put(KIND.task, record.task.taskArn ?? '', record.clusterArn, stopped);
  return stopped;
};
