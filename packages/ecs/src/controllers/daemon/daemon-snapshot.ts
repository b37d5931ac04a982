/** Builds the pure daemon scheduler's view of one daemon from the store. */
import { partitionOfArn } from '@berth/core';
import { effectiveRevision, type DaemonSnapshot, type DaemonTask } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../../services/agent-presence.js';
import {
  daemonTasks,
  type DaemonDeploymentRecord,
  type DaemonRecord,
  type DaemonRevisionRecord,
} from '../../services/daemons/daemon-records.js';
import { instancesOfProviders } from '../../services/daemons/daemon-request.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';

const toDaemonTask = (record: TaskRecord): DaemonTask => ({
  taskArn: record.task.taskArn ?? '',
  instanceArn: record.task.containerInstanceArn ?? '',
  revision: record.daemon?.revisionArn ?? '',
  lastStatus: record.task.lastStatus ?? 'PENDING',
  desiredStatus: record.task.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
  // Only the daemon controller stops daemon tasks with ServiceSchedulerInitiated.
  stoppedByScheduler: record.task.stopCode === 'ServiceSchedulerInitiated',
  stopHandled: record.daemon?.stopHandled === true,
  createdAt: record.task.createdAt ?? 0,
});

export interface DaemonView {
  readonly snapshot: DaemonSnapshot;
  readonly tasks: readonly TaskRecord[];
}

export const buildDaemonSnapshot = (
  reader: StoreReader,
  daemon: DaemonRecord,
  deployment: DaemonDeploymentRecord,
  presence: AgentPresence,
  now: number,
): DaemonView => {
  const tasks = daemonTasks(reader, daemon);
  const others = new Map<string, number>();
  for (const t of reader.list<TaskRecord>(KIND.task, daemon.clusterArn)) {
    if (t.daemon || t.task.desiredStatus !== 'RUNNING') continue;
    const arn = t.task.containerInstanceArn ?? '';
    others.set(arn, (others.get(arn) ?? 0) + 1);
  }
  const instances = reader
    .list<ContainerInstanceRecord>(KIND.containerInstance, daemon.clusterArn)
    .map((i) => {
      const arn = i.instance.containerInstanceArn ?? '';
      return {
        arn,
        status: i.instance.status ?? 'ACTIVE',
        connected: presence.isConnected(arn),
        otherLiveTasks: others.get(arn) ?? 0,
      };
    });
  const scopes: Record<string, string[]> = {};
  for (const arn of new Set([deployment.rollout.targetRevision, effectiveRevision(deployment.rollout)])) {
    const revision = arn && reader.get<DaemonRevisionRecord>(KIND.daemonRevision, arn);
    if (!arn || !revision) continue;
    scopes[arn] = [
      ...instancesOfProviders(
        reader,
        partitionOfArn(daemon.daemonArn),
        daemon.clusterArn,
        revision.capacityProviderArns,
      ),
    ];
  }
  return {
    snapshot: {
      now,
      deleting: daemon.status === 'DELETE_IN_PROGRESS',
      rollout: deployment.rollout,
      instances,
      tasks: tasks.map(toDaemonTask),
      scopes,
    },
    tasks,
  };
};
