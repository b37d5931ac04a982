/**
 * How daemons, their revisions and their deployments are stored [M DaemonDetail, DaemonRevision,
 * DaemonDeployment]. Daemons are keyed by ARN and scoped by cluster; revisions and deployments are
 * keyed by ARN and scoped by their daemon's ARN. Running counts are derived from tasks at read
 * time, never stored.
 */
import { ApiError, parseArn, type Partition } from '@berth/core';
import type { DaemonDeploymentConfiguration, DaemonPropagateTags, DaemonStatus, Tag } from '@berth/wire/ecs';
import type { DaemonRollout } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';

export interface DaemonRecord {
  readonly clusterArn: string;
  readonly daemonArn: string;
  readonly daemonName: string;
  readonly status: DaemonStatus;
  /** Epoch seconds. */
  readonly createdAt: number;
  readonly updatedAt?: number;
  /** The latest revision and deployment. */
  readonly revisionArn: string;
  readonly deploymentArn: string;
  readonly tags: readonly Tag[];
  /** CreateDaemon's idempotency: its clientToken, a hash of the rest of the request, its deployment. */
  readonly clientToken?: string;
  readonly requestHash?: string;
  readonly createDeploymentArn: string;
}

export interface DaemonRevisionRecord {
  readonly clusterArn: string;
  readonly daemonArn: string;
  readonly daemonRevisionArn: string;
  readonly daemonTaskDefinitionArn: string;
  readonly capacityProviderArns: readonly string[];
  readonly propagateTags: DaemonPropagateTags;
  readonly enableECSManagedTags: boolean;
  readonly enableExecuteCommand: boolean;
  /** Epoch seconds. */
  readonly createdAt: number;
}

export interface DaemonDeploymentRecord {
  readonly clusterArn: string;
  readonly daemonArn: string;
  readonly daemonDeploymentArn: string;
  /** Epoch seconds. */
  readonly createdAt: number;
  /** The revisions the daemon ran when the deployment was created. */
  readonly sourceRevisionArns: readonly string[];
  /** As given, with ECS's defaults filled in. */
  readonly deploymentConfiguration: DaemonDeploymentConfiguration;
  readonly rollout: DaemonRollout;
}

/** The task group of a daemon's tasks. (impl) ECS publishes none; named like services' `service:<name>`. */
export const daemonGroup = (daemonName: string): string => `daemon:${daemonName}`;

/** The startedBy of a daemon's tasks. (impl) The deployment that launched them, as for services. */
export const daemonStartedBy = (deploymentArn: string): string =>
  `ecs-daemon/${deploymentArn.slice(deploymentArn.lastIndexOf('/') + 1)}`;

// (impl) Worded after ECS's "Service not found." and the error shapes' documentation.
export const daemonNotFound = (): ApiError => new ApiError('DaemonNotFoundException', 'Daemon not found.');
export const daemonNotActive = (): ApiError =>
  new ApiError('DaemonNotActiveException', 'The specified daemon is not active.');

/** The daemon an ARN names, or DaemonNotFoundException (InvalidParameterException for a malformed ARN). */
export const daemonByArn = (reader: StoreReader, partition: Partition, arn: unknown): DaemonRecord => {
  if (typeof arn !== 'string' || arn === '')
    throw new ApiError('InvalidParameterException', 'daemonArn can not be blank.');
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'ecs' || parsed.type !== 'daemon' || parsed.path.length !== 2) {
    throw new ApiError('InvalidParameterException', 'The daemon ARN is invalid.');
  }
  if (parsed.accountId !== partition.accountId || parsed.region !== partition.region) throw daemonNotFound();
  const record = reader.get<DaemonRecord>(KIND.daemon, arn);
  if (!record) throw daemonNotFound();
  return record;
};

/** The daemon's tasks, stopped ones included while they are kept. */
export const daemonTasks = (reader: StoreReader, daemon: DaemonRecord): TaskRecord[] =>
  reader
    .list<TaskRecord>(KIND.task, daemon.clusterArn)
    .filter((t) => t.daemon?.daemonArn === daemon.daemonArn);

export const isUnfinished = (deployment: DaemonDeploymentRecord): boolean =>
  ['PENDING', 'IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'].includes(deployment.rollout.status);
