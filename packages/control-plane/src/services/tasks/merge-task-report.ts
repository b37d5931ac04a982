/**
 * Folds an agent's observed state of a task into the task record. Pure. Statuses only move
 * forward; the agent writes lastStatus and what it observed, never desired status — except that
 * a task the agent saw stop on its own (essential exit, failure to start) is desired STOPPED too.
 */
import {
  laterContainerStatus,
  laterStatus,
  type Attachment,
  type Container,
  type ContainerReport,
  type ContainerStatus,
  type HealthStatus,
  type Task,
  type TaskReport,
  type TaskStatus,
} from '@berth/core';

import type { TaskRecord } from '../records.js';

const MAX_REASON = 1024;

const mergeContainer = (container: Container, report: ContainerReport | undefined): Container => {
  if (!report) return container;
  const status = laterContainerStatus((container.lastStatus ?? 'PENDING') as ContainerStatus, report.status);
  return {
    ...container,
    lastStatus: status,
    ...(report.runtimeId ? { runtimeId: report.runtimeId } : {}),
    ...(report.imageDigest ? { imageDigest: report.imageDigest } : {}),
    ...(report.exitCode !== undefined ? { exitCode: report.exitCode } : {}),
    ...(report.reason ? { reason: report.reason.slice(0, MAX_REASON) } : {}),
    ...(report.networkBindings ? { networkBindings: [...report.networkBindings] } : {}),
    ...(report.healthStatus ? { healthStatus: report.healthStatus } : {}),
  };
};

/** Task health from essential containers: all HEALTHY → HEALTHY; any UNHEALTHY → UNHEALTHY; else UNKNOWN. */
export const taskHealth = (
  containers: readonly Container[],
  essential: ReadonlySet<string>,
): HealthStatus => {
  const checked = containers.filter((c) => essential.has(c.name ?? ''));
  if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (checked.length > 0 && checked.every((c) => c.healthStatus === 'HEALTHY')) return 'HEALTHY';
  return 'UNKNOWN';
};

const attachmentsFor = (task: Task, status: TaskStatus): Attachment[] =>
  (task.attachments ?? []).map((a) => ({
    ...a,
    status: status === 'STOPPED' ? 'DELETED' : status === 'RUNNING' ? 'ATTACHED' : (a.status ?? 'PRECREATED'),
  }));

export const mergeTaskReport = (
  record: TaskRecord,
  report: TaskReport,
  now: number,
): TaskRecord | undefined => {
  const task = record.task;
  const current = (task.lastStatus ?? 'PENDING') as TaskStatus;
  const status = laterStatus(current, report.status);
  const byName = new Map(report.containers.map((c) => [c.containerName, c]));
  const containers = (task.containers ?? []).map((c) => mergeContainer(c, byName.get(c.name ?? '')));
  const essential = new Set(
    record.containerDefinitions.filter((d) => d.essential !== false).map((d) => d.name ?? ''),
  );
  const stoppedNow = status === 'STOPPED' && current !== 'STOPPED';
  const runningNow = status === 'RUNNING' && current !== 'RUNNING';
  const selfStopped = stoppedNow && task.desiredStatus !== 'STOPPED';
  const next: Task = {
    ...task,
    lastStatus: status,
    containers,
    healthStatus: taskHealth(containers, essential),
    attachments: attachmentsFor(task, status),
    ...(report.pullStartedAt !== undefined && task.pullStartedAt === undefined
      ? { pullStartedAt: report.pullStartedAt }
      : {}),
    ...(report.pullStoppedAt !== undefined && task.pullStoppedAt === undefined
      ? { pullStoppedAt: report.pullStoppedAt }
      : {}),
    ...(runningNow
      ? { startedAt: report.startedAt ?? now, connectivity: 'CONNECTED', connectivityAt: now }
      : {}),
    ...(stoppedNow
      ? {
          stoppedAt: now,
          executionStoppedAt: report.executionStoppedAt ?? now,
          stoppingAt: task.stoppingAt ?? now,
          desiredStatus: 'STOPPED',
        }
      : {}),
    ...(selfStopped
      ? {
          stopCode: report.stopCode ?? 'EssentialContainerExited',
          stoppedReason: (report.reason ?? 'Essential container in task exited').slice(0, MAX_REASON),
        }
      : {}),
  };
  if (JSON.stringify(next) === JSON.stringify(task)) return undefined;
  return { ...record, task: { ...next, version: (task.version ?? 0) + 1 } };
};
