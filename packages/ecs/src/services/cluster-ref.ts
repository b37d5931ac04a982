import { clusterArn, clusterNotFound, parseArn, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { KIND, type ClusterRecord } from './records.js';

export const DEFAULT_CLUSTER = 'default';

/** The ARN a `cluster` parameter names (a name or an ARN; absent means `default`). */
export const clusterArnOf = (partition: Partition, ref: string | undefined): string => {
  if (ref === undefined || ref === '') return clusterArn(partition, DEFAULT_CLUSTER);
  if (!ref.startsWith('arn:')) return clusterArn(partition, ref);
  const parsed = parseArn(ref);
  if (!parsed || parsed.service !== 'ecs' || parsed.type !== 'cluster' || parsed.path.length !== 1) {
    throw clusterNotFound();
  }
  return ref;
};

export const clusterNameOf = (arn: string): string =>
  arn.slice(arn.indexOf(':cluster/') + ':cluster/'.length);

/** The ACTIVE cluster a parameter names, or ClusterNotFoundException. */
export const activeCluster = (
  reader: StoreReader,
  partition: Partition,
  ref: string | undefined,
): ClusterRecord => {
  const record = reader.get<ClusterRecord>(KIND.cluster, clusterArnOf(partition, ref));
  if (!record || record.cluster.status !== 'ACTIVE') throw clusterNotFound();
  return record;
};
