/**
 * "Amazon ECS starts a daemon task before scheduling other tasks" [M CreateDaemon]: an instance of
 * an ACTIVE daemon's capacity providers takes no other task until that daemon's task RUNS there.
 * The shared placement path (task-placement.ts) leaves these instances out for every non-daemon
 * task — RunTask, StartTask and the service launcher alike.
 */
import { partitionOfArn } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';

import type { DaemonRecord, DaemonRevisionRecord } from './daemon-records.js';
import { instancesOfProviders } from './daemon-request.js';

/** (impl) The placement failure reason for such an instance; ECS's reasons have none for it. */
export const AWAITING_DAEMON = 'DAEMON';

/** The cluster's instances still waiting for a daemon task to run; empty when it has no daemon. */
export const instancesAwaitingDaemons = (reader: StoreReader, clusterArn: string): ReadonlySet<string> => {
  const daemons = reader.list<DaemonRecord>(KIND.daemon, clusterArn).filter((d) => d.status === 'ACTIVE');
  if (daemons.length === 0) return new Set();
  const running = new Set<string>();
  for (const t of reader.list<TaskRecord>(KIND.task, clusterArn)) {
    if (t.daemon && t.task.desiredStatus === 'RUNNING' && t.task.lastStatus === 'RUNNING') {
      running.add(`${t.daemon.daemonArn}\n${t.task.containerInstanceArn ?? ''}`);
    }
  }
  const waiting = new Set<string>();
  for (const daemon of daemons) {
    const revision = reader.get<DaemonRevisionRecord>(KIND.daemonRevision, daemon.revisionArn);
    const scope = instancesOfProviders(
      reader,
      partitionOfArn(clusterArn),
      clusterArn,
      revision?.capacityProviderArns ?? [],
    );
    for (const arn of scope) if (!running.has(`${daemon.daemonArn}\n${arn}`)) waiting.add(arn);
  }
  return waiting;
};
