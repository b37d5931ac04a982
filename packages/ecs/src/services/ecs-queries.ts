/**
 * The read-only use cases handlers call: each query of the services folders, bound to the store,
 * so that handlers never hold the store themselves.
 */
import { invalidParameter, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { activeCluster } from './cluster-ref.js';
import {
  describeDaemon,
  describeDaemonDeployments,
  describeDaemonRevisions,
  listDaemonDeployments,
  listDaemons,
} from './daemons/daemon-queries.js';
import {
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
} from './ecs-services/service-deployment-queries.js';
import type { TaskRecord } from './records.js';
import { findTask } from './tasks/task-lookup.js';
import { describeTasks, listTasks } from './tasks/task-queries.js';

type Bound<F> = F extends (reader: StoreReader, ...rest: infer A) => infer R ? (...rest: A) => R : never;

const bind =
  <A extends unknown[], R>(reader: StoreReader, query: (reader: StoreReader, ...rest: A) => R) =>
  (...rest: A): R =>
    query(reader, ...rest);

export interface EcsQueries {
  readonly describeTasks: Bound<typeof describeTasks>;
  readonly listTasks: Bound<typeof listTasks>;
  readonly describeDaemon: Bound<typeof describeDaemon>;
  readonly listDaemons: Bound<typeof listDaemons>;
  readonly describeDaemonDeployments: Bound<typeof describeDaemonDeployments>;
  readonly listDaemonDeployments: Bound<typeof listDaemonDeployments>;
  readonly describeDaemonRevisions: Bound<typeof describeDaemonRevisions>;
  readonly listServiceDeployments: Bound<typeof listServiceDeployments>;
  readonly describeServiceDeployments: Bound<typeof describeServiceDeployments>;
  readonly describeServiceRevisions: Bound<typeof describeServiceRevisions>;
  /** A task of an ACTIVE cluster by ARN or id, or InvalidParameterException. */
  readonly taskOf: (partition: Partition, cluster: string | undefined, taskRef: string) => TaskRecord;
}

export const ecsQueries = (reader: StoreReader): EcsQueries => ({
  describeTasks: bind(reader, describeTasks),
  listTasks: bind(reader, listTasks),
  describeDaemon: bind(reader, describeDaemon),
  listDaemons: bind(reader, listDaemons),
  describeDaemonDeployments: bind(reader, describeDaemonDeployments),
  listDaemonDeployments: bind(reader, listDaemonDeployments),
  describeDaemonRevisions: bind(reader, describeDaemonRevisions),
  listServiceDeployments: bind(reader, listServiceDeployments),
  describeServiceDeployments: bind(reader, describeServiceDeployments),
  describeServiceRevisions: bind(reader, describeServiceRevisions),
  taskOf: (partition, cluster, taskRef) => {
    const clusterArn = activeCluster(reader, partition, cluster).cluster.clusterArn ?? '';
    const record = findTask(reader, partition, clusterArn, taskRef);
    if (!record) throw invalidParameter('The referenced task was not found.');
    return record;
  },
});
