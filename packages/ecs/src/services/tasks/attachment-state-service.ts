/**
 * SubmitAttachmentStateChanges [M]: an agent acknowledging that an attachment changed state. The
 * attachments Berth has are its tasks' awsvpc "ENIs" (task-factory.ts builds them), named
 * `arn:aws:ecs:<region>:<account>:attachment/<id>` as the ECS agent names them (its tests in
 * aws/amazon-ecs-agent). Every ARN must name an attachment of a task in the cluster; the statuses
 * are recorded on the tasks' attachments together, or none is. Answers `ACK`.
 */
import { invalidParameter, parseArn, type Partition } from '@berth/core';

import { activeCluster } from '../cluster-ref.js';
import { KIND, type TaskRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';

/** [M Attachment.status]. */
const ATTACHMENT_STATUSES = [
  'PRECREATED',
  'CREATED',
  'ATTACHING',
  'ATTACHED',
  'DETACHING',
  'DETACHED',
  'DELETED',
  'FAILED',
];

interface Change {
  readonly arn: string;
  readonly id: string;
  readonly status: string;
}

const changeOf = (partition: Partition, value: unknown): Change => {
  const { attachmentArn, status } = (value ?? {}) as { attachmentArn?: unknown; status?: unknown };
  const parsed = typeof attachmentArn === 'string' ? parseArn(attachmentArn) : undefined;
  if (!parsed || parsed.service !== 'ecs' || parsed.type !== 'attachment' || parsed.path.length !== 1) {
    // (impl) wordings in this file: ECS publishes none.
    throw invalidParameter(
      `Invalid attachmentArn: ${typeof attachmentArn === 'string' ? attachmentArn : ''}.`,
    );
  }
  if (parsed.region !== partition.region || parsed.accountId !== partition.accountId) {
    throw invalidParameter(`The attachment ${attachmentArn as string} was not found.`);
  }
  if (typeof status !== 'string' || !ATTACHMENT_STATUSES.includes(status)) {
    throw invalidParameter(`Invalid attachment status: ${typeof status === 'string' ? status : ''}.`);
  }
  return { arn: attachmentArn as string, id: parsed.path[0] ?? '', status };
};

export class AttachmentStateService {
  constructor(private readonly deps: ServiceDeps) {}

  submit(
    partition: Partition,
    request: { cluster?: unknown; attachments?: unknown },
  ): { acknowledgment: string } {
    const { attachments } = request;
    if (!Array.isArray(attachments) || attachments.length === 0) {
      throw invalidParameter('attachments can not be empty.');
    }
    const changes = attachments.map((a) => changeOf(partition, a));
    const cluster = typeof request.cluster === 'string' ? request.cluster : undefined;
    this.deps.store.transact((tx) => {
      const clusterArn = activeCluster(tx, partition, cluster).cluster.clusterArn ?? '';
      const tasks = new Map<string, TaskRecord>();
      const holder = new Map<string, string>();
      for (const record of tx.list<TaskRecord>(KIND.task, clusterArn)) {
        for (const a of record.task.attachments ?? []) if (a.id) holder.set(a.id, record.task.taskArn ?? '');
        tasks.set(record.task.taskArn ?? '', record);
      }
      for (const change of changes) {
        const taskArn = holder.get(change.id);
        const record = taskArn === undefined ? undefined : tasks.get(taskArn);
        if (!record) throw invalidParameter(`The attachment ${change.arn} was not found.`);
        tasks.set(taskArn ?? '', {
          ...record,
          task: {
            ...record.task,
            attachments: (record.task.attachments ?? []).map((a) =>
              a.id === change.id ? { ...a, status: change.status } : a,
            ),
          },
        });
      }
      for (const id of new Set(changes.map((c) => holder.get(c.id) ?? ''))) {
        const record = tasks.get(id);
        if (record) tx.put(KIND.task, id, record.clusterArn, record);
      }
    });
    return { acknowledgment: 'ACK' };
  }
}
