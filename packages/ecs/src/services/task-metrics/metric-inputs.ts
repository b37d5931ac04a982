/**
 * Reads what the pure folds need from the store: each sampled task's reservation and instance,
 * each cluster's counted (ACTIVE or DRAINING) container instances and what runs on them.
 */
import { partitionKey, partitionOfArn, resourceIdOf, type Partition } from '@berth/core';
import type { StateStore } from '@berth/store';
import type { TaskStatsSample } from '@berth/wire/agent';

import { KIND, type ClusterRecord, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import type { InstanceCapacity } from './cluster-utilization-data.js';
import type { ClusterReservation } from './reservation-data.js';
import type { TaskMinute } from './utilization-data.js';

const SERVICE_GROUP_PREFIX = 'service:';

const COUNTED_INSTANCE_STATUSES = new Set(['ACTIVE', 'DRAINING']);

const countedInstances = (store: StateStore, clusterArn: string): ContainerInstanceRecord[] =>
  store
    .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
    .filter((i) => COUNTED_INSTANCE_STATUSES.has(i.instance.status ?? ''));

const taskMinute = (
  record: TaskRecord,
  samples: readonly TaskStatsSample[],
  onCountedInstance: boolean,
): TaskMinute => {
  const group = record.task.group ?? '';
  const instanceArn = record.task.containerInstanceArn;
  return {
    clusterName: resourceIdOf(record.clusterArn),
    ...(group.startsWith(SERVICE_GROUP_PREFIX)
      ? { serviceName: group.slice(SERVICE_GROUP_PREFIX.length) }
      : {}),
    ...(onCountedInstance && instanceArn ? { containerInstanceArn: instanceArn } : {}),
    cpuReserved: record.reservation.cpu,
    memoryReserved: record.reservation.memory,
    samples,
  };
};

/** The sampled tasks still on record, by partition key. */
export const taskMinutesByPartition = (
  store: StateStore,
  samples: ReadonlyMap<string, readonly TaskStatsSample[]>,
): Map<string, TaskMinute[]> => {
  const byPartition = new Map<string, TaskMinute[]>();
  const countedByCluster = new Map<string, Set<string>>();
  const counted = (clusterArn: string): Set<string> => {
    let arns = countedByCluster.get(clusterArn);
    if (!arns) {
      arns = new Set(countedInstances(store, clusterArn).map((i) => i.instance.containerInstanceArn ?? ''));
      countedByCluster.set(clusterArn, arns);
    }
    return arns;
  };
  for (const [arn, taskSamples] of samples) {
    const record = store.get<TaskRecord>(KIND.task, arn);
    if (!record) continue;
    const key = partitionKey(partitionOfArn(record.clusterArn));
    const onCounted = counted(record.clusterArn).has(record.task.containerInstanceArn ?? '');
    byPartition.set(key, [...(byPartition.get(key) ?? []), taskMinute(record, taskSamples, onCounted)]);
  }
  return byPartition;
};

const clusterReservation = (
  clusterArn: string,
  instances: readonly ContainerInstanceRecord[],
  store: StateStore,
): ClusterReservation => {
  const counted = new Set(instances.map((i) => i.instance.containerInstanceArn ?? ''));
  const running = store
    .list<TaskRecord>(KIND.task, clusterArn)
    .filter((t) => t.task.lastStatus === 'RUNNING' && counted.has(t.task.containerInstanceArn ?? ''));
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    clusterName: resourceIdOf(clusterArn),
    registeredCpu: sum(instances.map((i) => i.registeredResources.cpu)),
    registeredMemory: sum(instances.map((i) => i.registeredResources.memory)),
    reservedCpu: sum(running.map((t) => t.reservation.cpu)),
    reservedMemory: sum(running.map((t) => t.reservation.memory)),
  };
};

export interface PartitionCapacity {
  readonly partition: Partition;
  readonly clusters: ClusterReservation[];
  readonly instances: InstanceCapacity[];
}

/** Every partition with clusters: their reservations and their counted instances' capacity. */
export const clusterCapacityByPartition = (store: StateStore): Map<string, PartitionCapacity> => {
  const byPartition = new Map<string, PartitionCapacity>();
  for (const record of store.list<ClusterRecord>(KIND.cluster)) {
    const arn = record.cluster.clusterArn ?? '';
    const partition = partitionOfArn(arn);
    const key = partitionKey(partition);
    const entry = byPartition.get(key) ?? { partition, clusters: [], instances: [] };
    const instances = countedInstances(store, arn);
    entry.clusters.push(clusterReservation(arn, instances, store));
    entry.instances.push(
      ...instances.map((i) => ({
        clusterName: resourceIdOf(arn),
        containerInstanceArn: i.instance.containerInstanceArn ?? '',
        registeredCpu: i.registeredResources.cpu,
        registeredMemory: i.registeredResources.memory,
      })),
    );
    byPartition.set(key, entry);
  }
  return byPartition;
};
