/**
 * The floor under any placement on this store, measured in the same process right after the run:
 * committing the same task records (as placed, new keys) to a fresh in-memory store, one
 * transaction per service, with one subscriber — no scheduling at all. Placement time ÷ this time
 * says how much the scheduler adds on top of just writing its decisions down.
 */
import { openStateStore } from '@berth/store';

import type { StoreFloor } from './scale-results.js';
import { TASK_KIND, type TaskRecordView } from './placement-watch.js';

export const measureStoreFloor = (records: readonly TaskRecordView[], perTransaction: number): StoreFloor => {
  const store = openStateStore({ kind: 'memory' });
  try {
    let seen = 0;
    store.subscribe((changes) => {
      seen += changes.length;
    });
    const began = performance.now();
    for (let first = 0; first < records.length; first += perTransaction) {
      const batch = records.slice(first, first + perTransaction);
      store.transact((tx) => {
        batch.forEach((record, i) => {
          const key = `${record.task.taskArn ?? ''}-floor-${first + i}`;
          tx.put(TASK_KIND, key, record.clusterArn, { ...record, task: { ...record.task, taskArn: key } });
        });
      });
    }
    const seconds = (performance.now() - began) / 1000;
    if (seen !== records.length) throw new Error(`store floor: ${seen} changes for ${records.length} puts`);
    return { seconds, placementsPerSecond: records.length / seconds };
  } finally {
    store.close();
  }
};
