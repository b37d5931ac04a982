/**
 * CreateDaemon, UpdateDaemon and DeleteDaemon [M]: each writes, in one transaction, the daemon's
 * intent — a new immutable revision (what to run where) and a new deployment (PENDING) that the
 * daemon controller rolls out — and stops a deployment still under way ("STOPPED … was replaced
 * by a new deployment" [G managed-daemons-deployments]).
 *
 *   CreateDaemon ──▶ ACTIVE ──UpdateDaemon──▶ ACTIVE
 *                      │
 *                      └──DeleteDaemon──▶ DELETE_IN_PROGRESS ──tasks stopped──▶ (gone: DaemonNotFoundException)
 */
import { createHash } from 'node:crypto';

import {
  daemonArn as daemonArnOf,
  daemonDeploymentArn,
  daemonRevisionArn,
  invalidParameter,
  type Partition,
} from '@berth/core';
import type {
  CreateDaemonRequest,
  CreateDaemonResponse,
  DaemonDeploymentConfiguration,
  DeleteDaemonResponse,
  UpdateDaemonRequest,
  UpdateDaemonResponse,
} from '@berth/wire/ecs';
import { daemonFailureThreshold, effectiveRevision } from '@berth/scheduler';
import type { StoreTransaction } from '@berth/store';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import type { DaemonTaskDefinitionsService } from '../daemon-task-definitions/daemon-task-definitions-service.js';
import { deploymentIdFrom } from '../ecs-services/deployment-id.js';
import { KIND, type ClusterRecord, type ContainerInstanceRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';

import {
  daemonByArn,
  daemonNotActive,
  daemonTasks,
  isUnfinished,
  type DaemonDeploymentRecord,
  type DaemonRecord,
  type DaemonRevisionRecord,
} from './daemon-records.js';
import {
  checkClientToken,
  checkDaemonName,
  checkDaemonProviders,
  checkDeploymentConfiguration,
  checkFlag,
  checkPropagateTags,
  instancesOfProviders,
} from './daemon-request.js';

/** (impl) Why a deployment still under way stopped. */
export const REPLACED_REASON = 'Deployment stopped: replaced by a new deployment.';

type RevisionInput = Pick<
  UpdateDaemonRequest,
  | 'daemonTaskDefinitionArn'
  | 'capacityProviderArns'
  | 'propagateTags'
  | 'enableECSManagedTags'
  | 'enableExecuteCommand'
>;

const hashRequest = (request: CreateDaemonRequest): string => {
  const { clientToken: _token, ...rest } = request;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
};

export class DaemonsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly definitions: DaemonTaskDefinitionsService,
  ) {}

  create(partition: Partition, request: CreateDaemonRequest): CreateDaemonResponse {
    const name = checkDaemonName(request.daemonName);
    const token = checkClientToken(request.clientToken);
    const tags = validateTags(request.tags);
    return this.deps.store.transact((tx) => {
      const cluster = activeCluster(tx, partition, request.clusterArn);
      const clusterArn = cluster.cluster.clusterArn ?? '';
      const arn = daemonArnOf(partition, clusterNameOf(clusterArn), name);
      const replay =
        token && tx.list<DaemonRecord>(KIND.daemon, clusterArn).find((d) => d.clientToken === token);
      if (replay) {
        if (replay.requestHash !== hashRequest(request)) {
          throw invalidParameter('The clientToken was already used with a different request.');
        }
        return createResponse(replay, replay.createDeploymentArn);
      }
      const existing = tx.get<DaemonRecord>(KIND.daemon, arn);
      if (existing?.status === 'ACTIVE')
        throw invalidParameter('A daemon with this name already exists in the cluster.');
      if (existing)
        throw invalidParameter('A daemon with this name is being deleted. Try again once it is deleted.');
      const now = epochSeconds(this.deps.now());
      const revision = this.newRevision(tx, partition, cluster, arn, request, undefined, now);
      const deployment = this.newDeployment(tx, partition, arn, clusterArn, now, {
        config: request.deploymentConfiguration,
        revision,
        sources: [],
      });
      const record: DaemonRecord = {
        clusterArn,
        daemonArn: arn,
        daemonName: name,
        status: 'ACTIVE',
        createdAt: now,
        revisionArn: revision.daemonRevisionArn,
        deploymentArn: deployment.daemonDeploymentArn,
        createDeploymentArn: deployment.daemonDeploymentArn,
        tags,
        ...(token ? { clientToken: token, requestHash: hashRequest(request) } : {}),
      };
      tx.put(KIND.daemon, arn, clusterArn, record);
      return createResponse(record, deployment.daemonDeploymentArn);
    });
  }

  update(partition: Partition, request: UpdateDaemonRequest): UpdateDaemonResponse {
    return this.deps.store.transact((tx) => {
      const daemon = daemonByArn(tx, partition, request.daemonArn);
      if (daemon.status !== 'ACTIVE') throw daemonNotActive();
      const cluster = activeCluster(tx, partition, daemon.clusterArn);
      const now = epochSeconds(this.deps.now());
      const previous = tx.get<DaemonRevisionRecord>(KIND.daemonRevision, daemon.revisionArn);
      const revision = this.newRevision(tx, partition, cluster, daemon.daemonArn, request, previous, now);
      const deployment = this.replaceDeployment(tx, partition, daemon, now, {
        config: request.deploymentConfiguration,
        revision,
      });
      const next: DaemonRecord = {
        ...daemon,
        updatedAt: now,
        revisionArn: revision.daemonRevisionArn,
        deploymentArn: deployment.daemonDeploymentArn,
      };
      tx.put(KIND.daemon, daemon.daemonArn, daemon.clusterArn, next);
      return { ...createResponse(next, deployment.daemonDeploymentArn), updatedAt: now };
    });
  }

  delete(partition: Partition, daemonArn: unknown): DeleteDaemonResponse {
    return this.deps.store.transact((tx) => {
      const daemon = daemonByArn(tx, partition, daemonArn);
      if (daemon.status !== 'ACTIVE') throw daemonNotActive();
      activeCluster(tx, partition, daemon.clusterArn);
      const now = epochSeconds(this.deps.now());
      const deployment = this.replaceDeployment(tx, partition, daemon, now, { config: undefined });
      const next: DaemonRecord = {
        ...daemon,
        status: 'DELETE_IN_PROGRESS',
        updatedAt: now,
        deploymentArn: deployment.daemonDeploymentArn,
      };
      tx.put(KIND.daemon, daemon.daemonArn, daemon.clusterArn, next);
      return { ...createResponse(next, deployment.daemonDeploymentArn), updatedAt: now };
    });
  }

  private newRevision(
    tx: StoreTransaction,
    partition: Partition,
    cluster: ClusterRecord,
    daemonArn: string,
    input: RevisionInput,
    previous: DaemonRevisionRecord | undefined,
    now: number,
  ): DaemonRevisionRecord {
    const definition = this.definitions.resolve(tx, partition, input.daemonTaskDefinitionArn);
    if (definition.definition.status !== 'ACTIVE') {
      // (impl) "After a daemon task definition is deleted, no new daemons can be created using this definition."
      throw invalidParameter('The daemon task definition is not ACTIVE.');
    }
    const providers = checkDaemonProviders(tx, partition, cluster, input.capacityProviderArns);
    const clusterArn = cluster.cluster.clusterArn ?? '';
    const name = daemonArn.slice(daemonArn.lastIndexOf('/') + 1);
    const id = deploymentIdFrom(this.deps.ids.hexId()).slice('ecs-svc/'.length);
    const record: DaemonRevisionRecord = {
      clusterArn,
      daemonArn,
      daemonRevisionArn: daemonRevisionArn(partition, clusterNameOf(clusterArn), name, id),
      daemonTaskDefinitionArn: definition.definition.daemonTaskDefinitionArn ?? '',
      capacityProviderArns: providers,
      // (impl) UpdateDaemon without a value keeps the daemon's; CreateDaemon's defaults are the model's.
      propagateTags: checkPropagateTags(input.propagateTags, previous?.propagateTags ?? 'NONE'),
      enableECSManagedTags: checkFlag(
        input.enableECSManagedTags,
        'enableECSManagedTags',
        previous?.enableECSManagedTags ?? false,
      ),
      enableExecuteCommand: checkFlag(
        input.enableExecuteCommand,
        'enableExecuteCommand',
        previous?.enableExecuteCommand ?? false,
      ),
      createdAt: now,
    };
    tx.put(KIND.daemonRevision, record.daemonRevisionArn, daemonArn, record);
    return record;
  }

  /** Stops the daemon's deployment still under way and starts a new one. */
  private replaceDeployment(
    tx: StoreTransaction,
    partition: Partition,
    daemon: DaemonRecord,
    now: number,
    next: { config: DaemonDeploymentConfiguration | undefined; revision?: DaemonRevisionRecord },
  ): DaemonDeploymentRecord {
    const current = tx.get<DaemonDeploymentRecord>(KIND.daemonDeployment, daemon.deploymentArn);
    if (current && isUnfinished(current)) {
      tx.put(KIND.daemonDeployment, current.daemonDeploymentArn, daemon.daemonArn, {
        ...current,
        rollout: { ...current.rollout, status: 'STOPPED', stoppedAt: now, statusReason: REPLACED_REASON },
      });
    }
    const running = daemonTasks(tx, daemon)
      .filter((t) => t.task.desiredStatus === 'RUNNING')
      .map((t) => t.daemon?.revisionArn ?? '');
    const previous = current ? effectiveRevision(current.rollout) : undefined;
    const sources = [...new Set([...running, ...(previous ? [previous] : [])])];
    return this.newDeployment(tx, partition, daemon.daemonArn, daemon.clusterArn, now, {
      config: next.config ?? current?.deploymentConfiguration,
      ...(next.revision ? { revision: next.revision } : {}),
      sources,
      ...(previous ? { rollbackRevision: previous } : {}),
    });
  }

  private newDeployment(
    tx: StoreTransaction,
    partition: Partition,
    daemonArn: string,
    clusterArn: string,
    now: number,
    d: {
      config: DaemonDeploymentConfiguration | undefined;
      revision?: DaemonRevisionRecord;
      sources: readonly string[];
      rollbackRevision?: string;
    },
  ): DaemonDeploymentRecord {
    const config = checkDeploymentConfiguration(d.config);
    const name = daemonArn.slice(daemonArn.lastIndexOf('/') + 1);
    const id = this.deps.ids.hexId().slice(0, 16);
    const instances = d.revision
      ? [...instancesOfProviders(tx, partition, clusterArn, d.revision.capacityProviderArns)].filter(
          (arn) => tx.get<ContainerInstanceRecord>(KIND.containerInstance, arn)?.instance.status === 'ACTIVE',
        ).length
      : 0;
    const record: DaemonDeploymentRecord = {
      clusterArn,
      daemonArn,
      daemonDeploymentArn: daemonDeploymentArn(partition, clusterNameOf(clusterArn), name, id),
      createdAt: now,
      sourceRevisionArns: d.sources,
      deploymentConfiguration: config,
      rollout: {
        status: 'PENDING',
        ...(d.revision ? { targetRevision: d.revision.daemonRevisionArn } : {}),
        ...(d.rollbackRevision ? { rollbackRevision: d.rollbackRevision } : {}),
        drainPercent: config.drainPercent ?? 25,
        bakeTimeInMinutes: config.bakeTimeInMinutes ?? 0,
        failureCount: 0,
        threshold: daemonFailureThreshold(instances),
        stepInFlight: false,
      },
    };
    tx.put(KIND.daemonDeployment, record.daemonDeploymentArn, daemonArn, record);
    return record;
  }
}

const createResponse = (record: DaemonRecord, deploymentArn: string): CreateDaemonResponse => ({
  daemonArn: record.daemonArn,
  status: record.status,
  createdAt: record.createdAt,
  deploymentArn,
});
