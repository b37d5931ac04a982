/**
 * DeleteService of an EXTERNAL service: every task set starts DRAINING, so the task-set controller
 * stops their tasks; the service turns INACTIVE once none is left. (impl) ECS documents only that
 * a service being deleted drains its tasks.
 */
import type { StoreTransaction } from '@berth/store';

import type { ServiceRecord } from '../ecs-services/service-record.js';

import { TASK_SET_KIND, taskSetsOf } from './task-set-record.js';

/** Drains the service's task sets; true when it has any (the service then waits for them). */
export const drainTaskSets = (tx: StoreTransaction, record: ServiceRecord, now: number): boolean => {
  const taskSets = taskSetsOf(tx, record.clusterArn, record.service.serviceArn ?? '');
  for (const taskSet of taskSets) {
    if (taskSet.status === 'DRAINING') continue;
    tx.put(TASK_SET_KIND, taskSet.taskSetArn, taskSet.clusterArn, {
      ...taskSet,
      status: 'DRAINING',
      updatedAt: now,
      stabilityStatus: 'STABILIZING',
      stabilityStatusAt: now,
    });
  }
  return taskSets.length > 0;
};
