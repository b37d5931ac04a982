import { containerInstanceArn, type Partition } from '@berth/core';
import type { QueryableInstance } from '@berth/scheduler';

import { clusterNameOf } from '../cluster-ref.js';
import type { InstanceUsage } from '../instance-usage.js';
import type { ContainerInstanceRecord } from '../records.js';

/** The ARN a reference names: an ARN as is, an id within the cluster. */
export const instanceArnOf = (partition: Partition, clusterArn: string, ref: string): string =>
  ref.startsWith('arn:') ? ref : containerInstanceArn(partition, clusterNameOf(clusterArn), ref);

/** An instance as the cluster query language sees it. */
export const queryableInstance = (
  record: ContainerInstanceRecord,
  agentConnected: boolean,
  usage: InstanceUsage,
): QueryableInstance => ({
  arn: record.instance.containerInstanceArn ?? '',
  ec2InstanceId: record.instance.ec2InstanceId ?? '',
  agentConnected,
  agentVersion: record.instance.versionInfo?.agentVersion ?? '',
  registeredAt: record.instance.registeredAt ?? 0,
  runningTasksCount: usage.runningTasksCount,
  attributes: Object.fromEntries((record.instance.attributes ?? []).map((a) => [a.name, a.value])),
  taskGroups: usage.taskGroups,
});
