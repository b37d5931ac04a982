/**
 * UpdateTaskProtection and GetTaskProtection [M; G task-scale-in-protection]: task scale-in
 * protection of service tasks. A protected task is not stopped by scale-in or by a deployment until
 * its protection is removed or expires (the service scheduler reads `protectedUntil`; see
 * scheduler/src/service/take-stops.ts); health-check failures, lost agents, draining instances,
 * DeleteService and StopTask still stop it. A protection past its expiry is off everywhere.
 *
 * Failures [M UpdateTaskProtection; G api_failures_messages]: MISSING for an unknown task,
 * TASK_NOT_VALID for a standalone (or stopped) task, DEPLOYMENT_BLOCKED when the service would have
 * more protected tasks than its desired count.
 */
import { invalidParameter, serviceArn, type Partition } from '@berth/core';
import type { Failure, ProtectedTask } from '@berth/wire/ecs';
import type { StoreReader, StoreTransaction } from '@berth/store';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import { SERVICE_KIND, type ServiceRecord } from '../ecs-services/service-record.js';
import { serviceTasks } from '../ecs-services/service-view.js';
import { KIND, type TaskRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';

import { findTask, taskArnOf } from './task-lookup.js';

/** [M UpdateTaskProtection.expiresInMinutes]: 1–2880, default 120. */
export const DEFAULT_PROTECTION_MINUTES = 120;
const MAX_PROTECTION_MINUTES = 2880;
const MAX_UPDATE_TASKS = 10;
const MAX_GET_TASKS = 100;

export interface UpdateTaskProtectionInput {
  readonly cluster?: unknown;
  readonly tasks?: unknown;
  readonly protectionEnabled?: unknown;
  readonly expiresInMinutes?: unknown;
}

export interface TaskProtectionResult {
  readonly protectedTasks: ProtectedTask[];
  readonly failures: Failure[];
}

const isProtected = (record: TaskRecord, now: number): boolean =>
  record.protectedUntil !== undefined && now < record.protectedUntil;

const view = (record: TaskRecord, now: number): ProtectedTask =>
  isProtected(record, now)
    ? {
        taskArn: record.task.taskArn ?? '',
        protectionEnabled: true,
        expirationDate: record.protectedUntil ?? 0,
      }
    : { taskArn: record.task.taskArn ?? '', protectionEnabled: false };

/** A task that can be protected: a live task of a service. */
const serviceTask = (record: TaskRecord): boolean =>
  (record.task.group ?? '').startsWith('service:') && record.task.desiredStatus !== 'STOPPED';

const taskRefs = (tasks: unknown, max: number, required: boolean): string[] => {
  const refs = tasks ?? [];
  const valid = Array.isArray(refs) && refs.every((t) => typeof t === 'string' && t.length > 0);
  if (!valid || refs.length > max || (required && refs.length === 0)) {
    // (impl) ECS's limits [M]; its wording is not published.
    throw invalidParameter(`tasks must contain between ${required ? 1 : 0} and ${max} task IDs or ARNs.`);
  }
  return refs as string[];
};

export class TaskProtectionService {
  constructor(private readonly deps: ServiceDeps) {}

  update(partition: Partition, request: UpdateTaskProtectionInput): TaskProtectionResult {
    const refs = taskRefs(request.tasks, MAX_UPDATE_TASKS, true);
    if (typeof request.protectionEnabled !== 'boolean') {
      throw invalidParameter('protectionEnabled can not be blank.');
    }
    const enable = request.protectionEnabled;
    const minutes = request.expiresInMinutes ?? DEFAULT_PROTECTION_MINUTES;
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < 1 ||
      minutes > MAX_PROTECTION_MINUTES
    ) {
      throw invalidParameter(`expiresInMinutes must be between 1 and ${MAX_PROTECTION_MINUTES}.`);
    }
    return this.deps.store.transact((tx) => {
      const clusterArn = this.clusterArn(tx, partition, request.cluster);
      const now = epochSeconds(this.deps.now());
      const protectedTasks: ProtectedTask[] = [];
      const failures: Failure[] = [];
      for (const ref of refs) {
        const record = findTask(tx, partition, clusterArn, ref);
        if (!record) {
          failures.push({ arn: taskArnOf(partition, clusterArn, ref), reason: 'MISSING' });
        } else if (!serviceTask(record)) {
          failures.push({ arn: record.task.taskArn ?? '', reason: 'TASK_NOT_VALID' });
        } else if (enable && this.wouldBlock(tx, partition, record, now)) {
          failures.push({
            arn: record.task.taskArn ?? '',
            reason: 'DEPLOYMENT_BLOCKED',
            // (impl) [G task-scale-in-protection] names the cause, not the wording.
            detail: 'The service would have more protected tasks than its desired count.',
          });
        } else {
          const next: TaskRecord = enable
            ? { ...record, protectedUntil: now + minutes * 60 }
            : withoutProtection(record);
          tx.put(KIND.task, record.task.taskArn ?? '', record.clusterArn, next);
          protectedTasks.push(view(next, now));
        }
      }
      return { protectedTasks, failures };
    });
  }

  /** GetTaskProtection; (impl) without `tasks`, every live task of the cluster's services. */
  get(partition: Partition, request: { cluster?: unknown; tasks?: unknown }): TaskProtectionResult {
    const reader = this.deps.store;
    const clusterArn = this.clusterArn(reader, partition, request.cluster);
    const now = epochSeconds(this.deps.now());
    if (request.tasks === undefined) {
      const all = reader.list<TaskRecord>(KIND.task, clusterArn).filter(serviceTask);
      return { protectedTasks: all.map((t) => view(t, now)), failures: [] };
    }
    const protectedTasks: ProtectedTask[] = [];
    const failures: Failure[] = [];
    for (const ref of taskRefs(request.tasks, MAX_GET_TASKS, false)) {
      const record = findTask(reader, partition, clusterArn, ref);
      if (!record) failures.push({ arn: taskArnOf(partition, clusterArn, ref), reason: 'MISSING' });
      else if (!serviceTask(record))
        failures.push({ arn: record.task.taskArn ?? '', reason: 'TASK_NOT_VALID' });
      else protectedTasks.push(view(record, now));
    }
    return { protectedTasks, failures };
  }

  private clusterArn(reader: StoreReader, partition: Partition, cluster: unknown): string {
    if (typeof cluster !== 'string' || cluster.length === 0)
      throw invalidParameter('cluster can not be blank.');
    return activeCluster(reader, partition, cluster).cluster.clusterArn ?? '';
  }

  /** Protecting `record` would leave its service with more protected live tasks than it desires. */
  private wouldBlock(tx: StoreTransaction, partition: Partition, record: TaskRecord, now: number): boolean {
    if (isProtected(record, now)) return false;
    const name = (record.task.group ?? '').slice('service:'.length);
    const service = tx.get<ServiceRecord>(
      SERVICE_KIND,
      serviceArn(partition, clusterNameOf(record.clusterArn), name),
    );
    if (!service) return false;
    const protectedNow = serviceTasks(tx, service).filter(
      (t) => t.task.desiredStatus === 'RUNNING' && isProtected(t, now),
    ).length;
    return protectedNow + 1 > (service.service.desiredCount ?? 0);
  }
}

const withoutProtection = (record: TaskRecord): TaskRecord => {
  const { protectedUntil: _until, ...rest } = record;
  return rest;
};
