import { taskArn, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { clusterNameOf } from '../cluster-ref.js';
import { KIND, type TaskRecord } from '../records.js';

/** The ARN a task reference names within a cluster (an ARN, or a task id). */
export const taskArnOf = (partition: Partition, clusterArn: string, ref: string): string =>
  ref.startsWith('arn:') ? ref : taskArn(partition, clusterNameOf(clusterArn), ref);

export const findTask = (
  reader: StoreReader,
  partition: Partition,
  clusterArn: string,
  ref: string,
): TaskRecord | undefined => {
  const record = reader.get<TaskRecord>(KIND.task, taskArnOf(partition, clusterArn, ref));
  return record?.clusterArn === clusterArn ? record : undefined;
};
