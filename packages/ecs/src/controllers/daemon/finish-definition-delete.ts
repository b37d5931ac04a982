/**
 * DeleteDaemonTaskDefinition's second half: "Existing daemons that reference the deleted daemon
 * task definition continue to run" [M DeleteDaemonTaskDefinition], so a DELETE_IN_PROGRESS
 * revision becomes DELETED only once no daemon uses it — no daemon's latest revision names it and
 * no daemon task launched from it is still desired RUNNING.
 */
import type { StoreTransaction } from '@berth/store';

import type { DaemonTaskDefinitionRecord } from '../../services/daemon-task-definitions/daemon-task-definitions-service.js';
import type { DaemonRecord, DaemonRevisionRecord } from '../../services/daemons/daemon-records.js';
import { KIND, type TaskRecord } from '../../services/records.js';

export const finishDefinitionDelete = (tx: StoreTransaction, arn: string): void => {
  const record = tx.get<DaemonTaskDefinitionRecord>(KIND.daemonTaskDefinition, arn);
  if (record?.definition.status !== 'DELETE_IN_PROGRESS') return;
  const usedByDaemon = tx
    .list<DaemonRecord>(KIND.daemon)
    .some(
      (d) =>
        tx.get<DaemonRevisionRecord>(KIND.daemonRevision, d.revisionArn)?.daemonTaskDefinitionArn === arn,
    );
  const usedByTask = tx
    .list<TaskRecord>(KIND.task)
    .some(
      (t) => t.daemon !== undefined && t.task.desiredStatus === 'RUNNING' && t.task.taskDefinitionArn === arn,
    );
  if (usedByDaemon || usedByTask) return;
  tx.put(KIND.daemonTaskDefinition, arn, record.partitionKey, {
    ...record,
    definition: { ...record.definition, status: 'DELETED' },
  });
};
