/**
 * Writes a scheduler's stops: each task still desired RUNNING becomes desired STOPPED with
 * stopCode ServiceSchedulerInitiated and the stop's reason (the agent then stops it). Used by the
 * service controller and the task-set controller.
 */
import type { TaskStop } from '@berth/scheduler';
import type { StoreTransaction } from '@berth/store';

import type { TaskRecord } from '../../services/records.js';
import { stopTask } from '../../services/tasks/stop-task.js';

export const stopServiceTasks = (
  tx: StoreTransaction,
  tasks: readonly TaskRecord[],
  stops: readonly TaskStop[],
  /** Epoch seconds. */
  now: number,
): void => {
  const byArn = new Map(tasks.map((t) => [t.task.taskArn ?? '', t]));
  for (const stop of stops) {
    const record = byArn.get(stop.taskArn);
    if (record) stopTask(tx, record, { code: 'ServiceSchedulerInitiated', reason: stop.reason, now });
  }
};
