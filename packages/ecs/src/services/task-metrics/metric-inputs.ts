/** Reads what the pure folds need from the store: each sampled task's reservation, each cluster's. */
import { partitionKey, partitionOfArn, resourceIdOf, type Partition } from '@berth/core';
import type { StateStore } from '@berth/store';
import type { TaskStatsSample } from '@berth/wire/agent';

import { KIND, type ClusterRecord, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import type { ClusterReservation } from './reservation-data.js';
import type { TaskMinute } from './utilization-data.js';

const SERVICE_GROUP_PREFIX = 'service:';

const taskMinute = (record: TaskRecord, samples: readonly TaskStatsSample[]): TaskMinute => {
  const group = record.task.group ?? '';
  return {
    clusterName: resourceIdOf(record.clusterArn),
    ...(group.startsWith(SERVICE_GROUP_PREFIX)
      ? { serviceName: group.slice(SERVICE_GROUP_PREFIX.length) }
      : {}),
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
  for (const [arn, taskSamples] of samples) {
    const record = store.get<TaskRecord>(KIND.task, arn);
    if (!record) continue;
    const key = partitionKey(partitionOfArn(record.clusterArn));
    byPartition.set(key, [...(byPartition.get(key) ?? []), taskMinute(record, taskSamples)]);
  }
  return byPartition;
};

const COUNTED_INSTANCE_STATUSES = new Set(['ACTIVE', 'DRAINING']);

const clusterReservation = (store: StateStore, clusterArn: string): ClusterReservation => {
  const instances = store
    .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
    .filter((i) => COUNTED_INSTANCE_STATUSES.has(i.instance.status ?? ''));
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

/** Every partition with clusters, and their reservations. */
export const clusterReservationsByPartition = (
  store: StateStore,
): Map<string, { partition: Partition; clusters: ClusterReservation[] }> => {
  const byPartition = new Map<string, { partition: Partition; clusters: ClusterReservation[] }>();
  for (const record of store.list<ClusterRecord>(KIND.cluster)) {
    const arn = record.cluster.clusterArn ?? '';
    const partition = partitionOfArn(arn);
    const key = partitionKey(partition);
    const entry = byPartition.get(key) ?? { partition, clusters: [] };
    entry.clusters.push(clusterReservation(store, arn));
    byPartition.set(key, entry);
  }
  return byPartition;
};
