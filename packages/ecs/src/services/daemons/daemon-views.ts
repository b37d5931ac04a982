/**
 * Daemons, deployments and revisions as the API shows them [M DaemonDetail, DaemonDeployment,
 * DaemonDeploymentSummary, DaemonRevision]. Running and draining counts come from the daemon's
 * tasks at read time.
 */
import { partitionOfArn } from '@berth/core';
import type {
  DaemonCircuitBreaker,
  DaemonDeployment,
  DaemonDeploymentRevisionDetail,
  DaemonDeploymentSummary,
  DaemonDetail,
  DaemonRevision,
  DaemonRevisionDetail,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { capacityProviderArn, providerNameOf } from '../capacity-providers/capacity-provider-record.js';
import { capacityProviderOfInstance } from '../capacity-providers/provider-groups.js';
import type { DaemonTaskDefinitionRecord } from '../daemon-task-definitions/daemon-task-definitions-service.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../records.js';

import {
  daemonTasks,
  type DaemonDeploymentRecord,
  type DaemonRecord,
  type DaemonRevisionRecord,
} from './daemon-records.js';

/** The capacity provider ARN of each instance a task of the daemon runs on. */
const providerOfInstances = (reader: StoreReader, clusterArn: string, tasks: readonly TaskRecord[]) => {
  const partition = partitionOfArn(clusterArn);
  const out = new Map<string, string | undefined>();
  for (const t of tasks) {
    const arn = t.task.containerInstanceArn ?? '';
    if (out.has(arn)) continue;
    const instance = reader.get<ContainerInstanceRecord>(KIND.containerInstance, arn);
    const name = instance && capacityProviderOfInstance(reader, clusterArn, instance.instance.attributes);
    out.set(arn, name ? capacityProviderArn(partition, name) : undefined);
  }
  return out;
};

const isRunning = (t: TaskRecord): boolean =>
  t.task.desiredStatus === 'RUNNING' && t.task.lastStatus === 'RUNNING';
const isDraining = (t: TaskRecord): boolean =>
  t.task.desiredStatus === 'STOPPED' && t.task.lastStatus !== 'STOPPED';

interface Counted {
  readonly revision: DaemonRevisionRecord | undefined;
  readonly arn: string;
  readonly tasks: readonly TaskRecord[];
  readonly providers: ReadonlyMap<string, string | undefined>;
}

const countBy = (c: Counted, pick: (t: TaskRecord) => boolean): Map<string, number> => {
  const out = new Map<string, number>();
  for (const t of c.tasks) {
    if (t.daemon?.revisionArn !== c.arn || !pick(t)) continue;
    const provider = c.providers.get(t.task.containerInstanceArn ?? '') ?? '';
    out.set(provider, (out.get(provider) ?? 0) + 1);
  }
  return out;
};

const revisionDetail = (c: Counted): DaemonRevisionDetail => {
  const running = countBy(c, isRunning);
  const capacityProviders = (c.revision?.capacityProviderArns ?? []).map((arn) => ({
    arn,
    runningCount: running.get(arn) ?? 0,
  }));
  return {
    arn: c.arn,
    capacityProviders,
    totalRunningCount: [...running.values()].reduce((a, b) => a + b, 0),
  };
};

const deploymentRevisionDetail = (c: Counted): DaemonDeploymentRevisionDetail => {
  const running = countBy(c, isRunning);
  const draining = countBy(c, isDraining);
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    arn: c.arn,
    capacityProviders: (c.revision?.capacityProviderArns ?? []).map((arn) => ({
      arn,
      runningInstanceCount: running.get(arn) ?? 0,
      drainingInstanceCount: draining.get(arn) ?? 0,
    })),
    totalRunningInstanceCount: sum(running),
    totalDrainingInstanceCount: sum(draining),
  };
};

const counter = (reader: StoreReader, daemon: DaemonRecord | undefined, clusterArn: string) => {
  const tasks = daemon ? daemonTasks(reader, daemon) : [];
  const providers = providerOfInstances(reader, clusterArn, tasks);
  return (arn: string): Counted => ({
    revision: reader.get<DaemonRevisionRecord>(KIND.daemonRevision, arn),
    arn,
    tasks,
    providers,
  });
};

export const daemonDetail = (reader: StoreReader, daemon: DaemonRecord): DaemonDetail => {
  const count = counter(reader, daemon, daemon.clusterArn);
  const live = daemonTasks(reader, daemon)
    .filter((t) => t.task.desiredStatus === 'RUNNING')
    .map((t) => t.daemon?.revisionArn ?? '');
  const revisions = [...new Set([...(daemon.status === 'ACTIVE' ? [daemon.revisionArn] : []), ...live])];
  return {
    daemonArn: daemon.daemonArn,
    clusterArn: daemon.clusterArn,
    status: daemon.status,
    currentRevisions: revisions.map((arn) => revisionDetail(count(arn))),
    deploymentArn: daemon.deploymentArn,
    createdAt: daemon.createdAt,
    ...(daemon.updatedAt !== undefined ? { updatedAt: daemon.updatedAt } : {}),
  };
};

const circuitBreakerOf = (d: DaemonDeploymentRecord): DaemonCircuitBreaker => {
  const { failureCount, threshold, status } = d.rollout;
  const state =
    failureCount >= threshold && d.rollout.targetRevision !== undefined
      ? 'TRIGGERED'
      : status === 'PENDING' || status === 'IN_PROGRESS'
        ? 'MONITORING'
        : 'MONITORING_COMPLETE';
  return { failureCount, status: state, threshold };
};

export const deploymentView = (reader: StoreReader, d: DaemonDeploymentRecord): DaemonDeployment => {
  const daemon = reader.get<DaemonRecord>(KIND.daemon, d.daemonArn);
  const count = counter(reader, daemon, d.clusterArn);
  const r = d.rollout;
  const rollbackRevision =
    r.rollback && reader.get<DaemonRevisionRecord>(KIND.daemonRevision, r.rollback.revision);
  return {
    daemonDeploymentArn: d.daemonDeploymentArn,
    clusterArn: d.clusterArn,
    status: r.status,
    ...(r.statusReason !== undefined ? { statusReason: r.statusReason } : {}),
    ...(r.targetRevision !== undefined
      ? { targetDaemonRevision: deploymentRevisionDetail(count(r.targetRevision)) }
      : {}),
    sourceDaemonRevisions: d.sourceRevisionArns.map((arn) => deploymentRevisionDetail(count(arn))),
    circuitBreaker: circuitBreakerOf(d),
    // (impl) Berth evaluates no CloudWatch alarms: CreateDaemon refuses enable=true.
    alarms: {
      status: 'DISABLED',
      alarmNames: [...(d.deploymentConfiguration.alarms?.alarmNames ?? [])],
      triggeredAlarmNames: [],
    },
    ...(r.rollback
      ? {
          rollback: {
            reason: r.rollback.reason,
            startedAt: r.rollback.startedAt,
            rollbackTargetDaemonRevisionArn: r.rollback.revision,
            rollbackCapacityProviders: [...(rollbackRevision?.capacityProviderArns ?? [])],
          },
        }
      : {}),
    deploymentConfiguration: d.deploymentConfiguration,
    createdAt: d.createdAt,
    ...(r.startedAt !== undefined ? { startedAt: r.startedAt } : {}),
    ...(r.stoppedAt !== undefined ? { stoppedAt: r.stoppedAt } : {}),
    ...(r.finishedAt !== undefined ? { finishedAt: r.finishedAt } : {}),
  };
};

export const deploymentSummary = (d: DaemonDeploymentRecord): DaemonDeploymentSummary => ({
  daemonDeploymentArn: d.daemonDeploymentArn,
  daemonArn: d.daemonArn,
  clusterArn: d.clusterArn,
  status: d.rollout.status,
  ...(d.rollout.statusReason !== undefined ? { statusReason: d.rollout.statusReason } : {}),
  ...(d.rollout.targetRevision !== undefined ? { targetDaemonRevisionArn: d.rollout.targetRevision } : {}),
  createdAt: d.createdAt,
  ...(d.rollout.startedAt !== undefined ? { startedAt: d.rollout.startedAt } : {}),
  ...(d.rollout.stoppedAt !== undefined ? { stoppedAt: d.rollout.stoppedAt } : {}),
  ...(d.rollout.finishedAt !== undefined ? { finishedAt: d.rollout.finishedAt } : {}),
});

/** containerImages: each container's image, with the digest a running task of the revision reported. */
export const revisionView = (reader: StoreReader, r: DaemonRevisionRecord): DaemonRevision => {
  const definition = reader.get<DaemonTaskDefinitionRecord>(
    KIND.daemonTaskDefinition,
    r.daemonTaskDefinitionArn,
  );
  const tasks = reader
    .list<TaskRecord>(KIND.task, r.clusterArn)
    .filter((t) => t.daemon?.revisionArn === r.daemonRevisionArn);
  const digestOf = (name: string): string | undefined =>
    tasks.flatMap((t) => t.task.containers ?? []).find((c) => c.name === name && c.imageDigest)?.imageDigest;
  return {
    daemonRevisionArn: r.daemonRevisionArn,
    clusterArn: r.clusterArn,
    daemonArn: r.daemonArn,
    daemonTaskDefinitionArn: r.daemonTaskDefinitionArn,
    createdAt: r.createdAt,
    containerImages: (definition?.definition.containerDefinitions ?? []).map((c) => {
      const digest = digestOf(c.name ?? '');
      return { containerName: c.name ?? '', ...(digest ? { imageDigest: digest } : {}), image: c.image };
    }),
    propagateTags: r.propagateTags,
    enableECSManagedTags: r.enableECSManagedTags,
    enableExecuteCommand: r.enableExecuteCommand,
  };
};

/** Whether the daemon's revision uses any of the capacity providers (names or ARNs). */
export const usesProviders = (
  reader: StoreReader,
  daemon: DaemonRecord,
  refs: readonly string[],
): boolean => {
  const revision = reader.get<DaemonRevisionRecord>(KIND.daemonRevision, daemon.revisionArn);
  const wanted = new Set(refs.map((r) => providerNameOf(r)));
  return (revision?.capacityProviderArns ?? []).some((arn) => wanted.has(providerNameOf(arn)));
};
