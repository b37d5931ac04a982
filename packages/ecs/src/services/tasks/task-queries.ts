import { invalidParameter, type Partition } from '@berth/core';
import type { Failure, ListTasksRequest, Task } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { activeCluster } from '../cluster-ref.js';
import { daemonGroup } from '../daemons/daemon-records.js';
import { paginate, type Page } from '../pagination.js';
import { KIND, type TaskRecord } from '../records.js';

import { findTask, taskArnOf } from './task-lookup.js';
import { taskView } from './task-view.js';

const DESIRED_STATUSES = ['RUNNING', 'PENDING', 'STOPPED'];

export const describeTasks = (
  reader: StoreReader,
  partition: Partition,
  clusterRef: string | undefined,
  refs: readonly string[],
  include: readonly string[],
): { tasks: Task[]; failures: Failure[] } => {
  // ECS checks the cluster before the list (moto's ECS tests record the order).
  const clusterArn = activeCluster(reader, partition, clusterRef).cluster.clusterArn ?? '';
  if (refs.length === 0) throw invalidParameter('Tasks cannot be empty.');
  if (refs.length > 100) throw invalidParameter('tasks can have at most 100 items.');
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const record = findTask(reader, partition, clusterArn, ref);
    if (record) tasks.push(taskView(record, include));
    else failures.push({ arn: taskArnOf(partition, clusterArn, ref), reason: 'MISSING' });
  }
  return { tasks, failures };
};

export const listTasks = (
  reader: StoreReader,
  partition: Partition,
  request: ListTasksRequest,
): Page<string> => {
  const clusterArn = activeCluster(reader, partition, request.cluster).cluster.clusterArn ?? '';
  const desired = request.desiredStatus ?? 'RUNNING';
  if (!DESIRED_STATUSES.includes(desired)) throw invalidParameter(`Invalid desiredStatus: ${desired}.`);
  if (
    request.launchType !== undefined &&
    !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(request.launchType)
  ) {
    throw invalidParameter(`Invalid launchType: ${request.launchType}.`);
  }
  const instance = request.containerInstance;
  const matches = (record: TaskRecord): boolean => {
    const task = record.task;
    if (task.desiredStatus !== desired) return false;
    if (
      instance &&
      task.containerInstanceArn !== instance &&
      !task.containerInstanceArn?.endsWith(`/${instance}`)
    )
      return false;
    if (request.family !== undefined && record.family !== request.family) return false;
    if (request.startedBy !== undefined && task.startedBy !== request.startedBy) return false;
    if (request.serviceName !== undefined && task.group !== `service:${request.serviceName}`) return false;
    if (request.daemonName !== undefined && task.group !== daemonGroup(request.daemonName)) return false;
    if (request.launchType !== undefined && task.launchType !== request.launchType) return false;
    return true;
  };
  const arns = reader
    .list<TaskRecord>(KIND.task, clusterArn)
    .filter(matches)
    .sort(
      (a, b) =>
        (a.task.createdAt ?? 0) - (b.task.createdAt ?? 0) ||
        (a.task.taskArn ?? '').localeCompare(b.task.taskArn ?? ''),
    )
    .map((r) => r.task.taskArn ?? '');
  return paginate(arns, request.maxResults, request.nextToken);
};
