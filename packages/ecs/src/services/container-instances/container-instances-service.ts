import {
  clientException,
  containerInstanceArn,
  fromWireResources,
  invalidParameter,
  resourceIdOf,
  subtractResources,
  toWireResources,
  type Partition,
} from '@berth/core';
import type {
  Attribute,
  ContainerInstance,
  Failure,
  RegisterContainerInstanceRequest,
  Tag,
} from '@berth/wire/ecs';
import { parseExpression, evaluate } from '@berth/scheduler';
import type { StoreReader, StoreTransaction } from '@berth/store';

import type { AgentPresence } from '../agent-presence.js';
import { capacityProviderOfInstance } from '../capacity-providers/provider-groups.js';
import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import type { ClustersService } from '../clusters/clusters-service.js';
import { instanceUsage, usageOf, type InstanceUsage } from '../instance-usage.js';
import { paginate, type Page } from '../pagination.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';

import { instanceArnOf, queryableInstance } from './instance-views.js';

const INSTANCE_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'];

export class ContainerInstancesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly clusters: ClustersService,
    private readonly presence: AgentPresence,
  ) {}

  register(partition: Partition, request: RegisterContainerInstanceRequest): ContainerInstance {
    const tags = validateTags(request.tags);
    const identity = parseIdentity(request.instanceIdentityDocument);
    const registered = fromWireResources(request.totalResources);
    const now = this.deps.now();
    const record = this.deps.store.transact((tx) => {
      const cluster = this.clusters.ensureDefault(tx, partition, request.cluster);
      const clusterArn = cluster.cluster.clusterArn ?? '';
      const reuse = request.containerInstanceArn
        ? tx.get<ContainerInstanceRecord>(KIND.containerInstance, request.containerInstanceArn)
        : undefined;
      const arn =
        reuse && reuse.clusterArn === clusterArn && reuse.instance.status !== 'INACTIVE'
          ? (reuse.instance.containerInstanceArn ?? '')
          : containerInstanceArn(partition, clusterNameOf(clusterArn), this.deps.ids.hexId());
      const instance: ContainerInstance = {
        containerInstanceArn: arn,
        ec2InstanceId: identity.instanceId ?? `i-${resourceIdOf(arn).slice(0, 17)}`,
        version: (reuse?.instance.version ?? 0) + 1,
        ...(request.versionInfo ? { versionInfo: request.versionInfo } : {}),
        status: reuse?.instance.status === 'DRAINING' ? 'DRAINING' : 'ACTIVE',
        attributes: mergeAttributes(reuse?.instance.attributes ?? [], request.attributes ?? []),
        registeredAt: reuse?.instance.registeredAt ?? epochSeconds(now),
        attachments: [],
      };
      const next: ContainerInstanceRecord = {
        clusterArn,
        instance,
        registeredResources: registered,
        tags: tags.length > 0 ? tags : (reuse?.tags ?? []),
        sessionEpoch: (reuse?.sessionEpoch ?? 0) + 1,
      };
      tx.put(KIND.containerInstance, arn, clusterArn, next);
      return next;
    });
    this.presence.seen(record.instance.containerInstanceArn ?? '');
    return this.view(
      this.deps.store,
      record,
      usageOf(instanceUsage(this.deps.store, record.clusterArn), ''),
      [],
    );
  }

  deregister(
    partition: Partition,
    clusterRef: string | undefined,
    ref: string,
    force: boolean,
  ): ContainerInstance {
    return this.deps.store.transact((tx) => {
      const cluster = activeCluster(tx, partition, clusterRef);
      const record = this.find(tx, cluster.cluster.clusterArn ?? '', ref);
      if (!record) throw invalidParameter('The referenced container instance was not found.');
      const arn = record.instance.containerInstanceArn ?? '';
      const live = tx
        .list<TaskRecord>(KIND.task, record.clusterArn)
        .filter((t) => t.task.containerInstanceArn === arn && t.task.desiredStatus === 'RUNNING');
      if (live.length > 0 && !force) throw invalidParameter('Found running tasks on the instance.');
      const updated: ContainerInstanceRecord = {
        ...record,
        instance: { ...record.instance, status: 'INACTIVE', version: (record.instance.version ?? 0) + 1 },
      };
      tx.put(KIND.containerInstance, arn, record.clusterArn, updated);
      return this.view(tx, updated, usageOf(instanceUsage(tx, record.clusterArn), arn), []);
    });
  }

  describe(
    partition: Partition,
    clusterRef: string | undefined,
    refs: readonly string[],
    include: readonly string[],
  ): { containerInstances: ContainerInstance[]; failures: Failure[] } {
    const store = this.deps.store;
    // ECS checks the cluster, then the list (moto's ECS tests record the order and the wording).
    const cluster = activeCluster(store, partition, clusterRef);
    if (refs.length === 0) throw clientException('Container Instances cannot be empty.');
    if (refs.length > 100) throw invalidParameter('containerInstances can have at most 100 items.');
    const clusterArn = cluster.cluster.clusterArn ?? '';
    const usage = instanceUsage(store, clusterArn);
    const containerInstances: ContainerInstance[] = [];
    const failures: Failure[] = [];
    for (const ref of refs) {
      const record = this.find(store, clusterArn, ref);
      if (record)
        containerInstances.push(
          this.view(store, record, usageOf(usage, record.instance.containerInstanceArn ?? ''), include),
        );
      else failures.push({ arn: instanceArnOf(partition, clusterArn, ref), reason: 'MISSING' });
    }
    return { containerInstances, failures };
  }

  list(
    partition: Partition,
    request: {
      cluster?: string;
      filter?: string;
      status?: string;
      maxResults?: unknown;
      nextToken?: unknown;
    },
  ): Page<string> {
    const store = this.deps.store;
    const clusterArn = activeCluster(store, partition, request.cluster).cluster.clusterArn ?? '';
    if (request.status !== undefined && !INSTANCE_STATUSES.includes(request.status)) {
      throw invalidParameter(`Invalid status: ${request.status}.`);
    }
    const expression = request.filter !== undefined ? parseExpression(request.filter) : undefined;
    const usage = instanceUsage(store, clusterArn);
    const arns = store
      .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
      .filter((r) =>
        request.status ? r.instance.status === request.status : r.instance.status !== 'INACTIVE',
      )
      .filter(
        (r) =>
          !expression ||
          evaluate(
            expression,
            queryableInstance(r, this.connected(r), usageOf(usage, r.instance.containerInstanceArn ?? '')),
          ),
      )
      .sort((a, b) => (a.instance.registeredAt ?? 0) - (b.instance.registeredAt ?? 0))
      .map((r) => r.instance.containerInstanceArn ?? '');
    return paginate(arns, request.maxResults, request.nextToken);
  }

  updateState(
    partition: Partition,
    clusterRef: string | undefined,
    refs: readonly string[],
    status: string,
  ): { containerInstances: ContainerInstance[]; failures: Failure[] } {
    if (!['ACTIVE', 'DRAINING'].includes(status)) {
      throw invalidParameter(`Container instances status can only be updated to ACTIVE or DRAINING.`);
    }
    return this.deps.store.transact((tx) => {
      const clusterArn = activeCluster(tx, partition, clusterRef).cluster.clusterArn ?? '';
      const containerInstances: ContainerInstance[] = [];
      const failures: Failure[] = [];
      for (const ref of refs) {
        const record = this.find(tx, clusterArn, ref);
        if (!record || record.instance.status === 'INACTIVE') {
          failures.push({ arn: instanceArnOf(partition, clusterArn, ref), reason: 'MISSING' });
          continue;
        }
        const updated = record.instance.status === status ? record : withStatus(record, status);
        tx.put(KIND.containerInstance, record.instance.containerInstanceArn ?? '', clusterArn, updated);
        containerInstances.push(
          this.view(
            tx,
            updated,
            usageOf(instanceUsage(tx, clusterArn), record.instance.containerInstanceArn ?? ''),
            [],
          ),
        );
      }
      return { containerInstances, failures };
    });
  }

  /**
   * Drains an ACTIVE instance within the caller's transaction, with a reason (the daemon
   * controller: the instance's daemon task stopped). Anything but ACTIVE is left as it is.
   */
  drain(tx: StoreTransaction, instanceArn: string, statusReason: string): void {
    const record = tx.get<ContainerInstanceRecord>(KIND.containerInstance, instanceArn);
    if (record?.instance.status !== 'ACTIVE') return;
    tx.put(
      KIND.containerInstance,
      instanceArn,
      record.clusterArn,
      withStatus(record, 'DRAINING', statusReason),
    );
  }

  /** Replaces an instance's tags or attributes: used by the tags and attributes services. */
  find(reader: StoreReader, clusterArn: string, ref: string): ContainerInstanceRecord | undefined {
    const direct = reader.get<ContainerInstanceRecord>(KIND.containerInstance, ref);
    if (direct) return direct.clusterArn === clusterArn ? direct : undefined;
    const id = resourceIdOf(ref);
    return reader
      .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
      .find((r) => resourceIdOf(r.instance.containerInstanceArn ?? '') === id);
  }

  connected(record: ContainerInstanceRecord): boolean {
    return (
      record.instance.status !== 'INACTIVE' &&
      this.presence.isConnected(record.instance.containerInstanceArn ?? '')
    );
  }

  view(
    reader: StoreReader,
    record: ContainerInstanceRecord,
    usage: InstanceUsage,
    include: readonly string[],
  ): ContainerInstance {
    const capacityProviderName = capacityProviderOfInstance(
      reader,
      record.clusterArn,
      record.instance.attributes,
    );
    return {
      ...record.instance,
      ...(capacityProviderName !== undefined ? { capacityProviderName } : {}),
      agentConnected: this.connected(record),
      registeredResources: toWireResources(record.registeredResources),
      remainingResources: toWireResources(subtractResources(record.registeredResources, usage.reserved)),
      runningTasksCount: usage.runningTasksCount,
      pendingTasksCount: usage.pendingTasksCount,
      ...(include.includes('TAGS') ? { tags: [...record.tags] as Tag[] } : {}),
      ...(include.includes('CONTAINER_INSTANCE_HEALTH')
        ? { healthStatus: { overallStatus: this.connected(record) ? 'OK' : 'IMPAIRED', details: [] } }
        : {}),
    };
  }
}

/** The instance in a new status; a status set without a reason drops the previous one. */
const withStatus = (
  record: ContainerInstanceRecord,
  status: string,
  statusReason?: string,
): ContainerInstanceRecord => {
  const { statusReason: _previous, ...instance } = record.instance;
  return {
    ...record,
    instance: {
      ...instance,
      status,
      ...(statusReason !== undefined ? { statusReason } : {}),
      version: (record.instance.version ?? 0) + 1,
    },
  };
};

const parseIdentity = (document: string | undefined): { instanceId?: string } => {
  if (!document) return {};
  try {
    const parsed = JSON.parse(document) as { instanceId?: unknown };
    return typeof parsed.instanceId === 'string' ? { instanceId: parsed.instanceId } : {};
  } catch {
    throw invalidParameter('The instance identity document is not valid JSON.');
  }
};

const mergeAttributes = (current: readonly Attribute[], added: readonly Attribute[]): Attribute[] => {
  const byName = new Map(current.map((a) => [a.name, a]));
  for (const attribute of added)
    byName.set(attribute.name, {
      name: attribute.name,
      ...(attribute.value !== undefined ? { value: attribute.value } : {}),
    });
  return [...byName.values()];
};
