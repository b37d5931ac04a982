/**
 * Folds an agent's observed state of a task into the task record. Pure. Statuses only move
 * forward; the agent writes lastStatus and what it observed, never desired status — except that
 * a task the agent saw stop on its own (essential exit, failure to start) is desired STOPPED too,
 * from its first report at STOPPING or later.
 *
 *   RUNNING → STOPPING (stoppingAt) → DEPROVISIONING (executionStoppedAt; awsvpc) → STOPPED (stoppedAt)
 *
 * The ENI attachment of an awsvpc task gets its address when the agent first reports one, is
 * ATTACHED while the task runs, DETACHING while it deprovisions and DELETED once it is STOPPED.
 */
import {
  laterContainerStatus,
  laterStatus,
  taskStatusRank,
  type ContainerStatus,
  type TaskStatus,
} from '@berth/core';
import type { Attachment, Container, HealthStatus, Task } from '@berth/wire/ecs';
import type { ContainerReport, TaskReport } from '@berth/wire/agent';

import type { TaskRecord } from '../records.js';

import { withAddress } from './eni-attachment.js';

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

const ATTACHMENT_STATUS: Partial<Record<TaskStatus, string>> = {
  RUNNING: 'ATTACHED',
  DEACTIVATING: 'ATTACHED',
  STOPPING: 'ATTACHED',
  DEPROVISIONING: 'DETACHING',
  STOPPED: 'DELETED',
};

const attachmentsFor = (attachments: readonly Attachment[], status: TaskStatus): Attachment[] =>
  attachments.map((a) => ({ ...a, status: ATTACHMENT_STATUS[status] ?? a.status ?? 'PRECREATED' }));

const STOPPING_RANK = taskStatusRank('STOPPING');

export const mergeTaskReport = (
  record: TaskRecord,
  report: TaskReport,
  now: number,
): TaskRecord | undefined => {
  const task = record.task;
  const current = (task.lastStatus ?? 'PENDING') as TaskStatus;
  const status = laterStatus(current, report.status);
  const byName = new Map(report.containers.map((c) => [c.containerName, c]));
  const merged = (task.containers ?? []).map((c) => mergeContainer(c, byName.get(c.name ?? '')));
  const address = record.address ?? report.privateIPv4Address;
  const addressed =
    address !== undefined && record.address === undefined
      ? withAddress(task.attachments ?? [], merged, address)
      : { attachments: task.attachments ?? [], containers: merged };
  const essential = new Set(
    record.containerDefinitions.filter((d) => d.essential !== false).map((d) => d.name ?? ''),
  );
  const stoppingNow = taskStatusRank(status) >= STOPPING_RANK && taskStatusRank(current) < STOPPING_RANK;
  const stoppedNow = status === 'STOPPED' && current !== 'STOPPED';
  const runningNow = status === 'RUNNING' && current !== 'RUNNING';
  const selfStopped = stoppingNow && task.desiredStatus !== 'STOPPED';
  const next: Task = {
    ...task,
    lastStatus: status,
    containers: addressed.containers,
    healthStatus: taskHealth(addressed.containers, essential),
    attachments: attachmentsFor(addressed.attachments, status),
    ...(report.pullStartedAt !== undefined && task.pullStartedAt === undefined
      ? { pullStartedAt: report.pullStartedAt }
      : {}),
    ...(report.pullStoppedAt !== undefined && task.pullStoppedAt === undefined
      ? { pullStoppedAt: report.pullStoppedAt }
      : {}),
    ...(runningNow
      ? { startedAt: report.startedAt ?? now, connectivity: 'CONNECTED', connectivityAt: now }
      : {}),
    ...(stoppingNow
      ? { stoppingAt: task.stoppingAt ?? report.stoppingAt ?? now, desiredStatus: 'STOPPED' }
      : {}),
    ...(report.executionStoppedAt !== undefined && task.executionStoppedAt === undefined
      ? { executionStoppedAt: report.executionStoppedAt }
      : {}),
    ...(stoppedNow
      ? {
          stoppedAt: report.stoppedAt ?? now,
          executionStoppedAt: task.executionStoppedAt ?? report.executionStoppedAt ?? now,
        }
      : {}),
    ...(selfStopped
      ? {
          stopCode: report.stopCode ?? 'EssentialContainerExited',
          stoppedReason: (report.reason ?? 'Essential container in task exited').slice(0, MAX_REASON),
        }
      : {}),
  };
  const notices = newNotices(record, report);
  const changed = JSON.stringify(next) !== JSON.stringify(task);
  if (!changed && notices.length === 0) return undefined;
  return {
    ...record,
    task: changed ? { ...next, version: (task.version ?? 0) + 1 } : task,
    ...(address !== undefined ? { address } : {}),
    ...(notices.length > 0 ? { notices: [...(record.notices ?? []), ...notices] } : {}),
  };
};

/** The report's notices the record does not hold yet. */
export const newNotices = (record: TaskRecord, report: TaskReport): string[] => {
  const known = new Set(record.notices ?? []);
  return (report.notices ?? []).filter((n) => !known.has(n));
};
