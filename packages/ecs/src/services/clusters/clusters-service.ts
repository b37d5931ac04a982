import {
  taskStatusRank,
  ApiError,
  clusterArn,
  clusterNotFound,
  invalidParameter,
  partitionKey,
  type Partition,
} from '@berth/core';
import type {
  Cluster,
  ClusterField,
  ClusterSetting,
  CreateClusterRequest,
  Failure,
  PutClusterCapacityProvidersRequest,
  UpdateClusterRequest,
  UpdateClusterSettingsRequest,
} from '@berth/wire/ecs';
import type { StoreReader, StoreTransaction } from '@berth/store';

import {
  checkClusterProviders,
  checkProvidersNotInUse,
  checkStrategyKinds,
} from '../capacity-providers/cluster-providers.js';
import { effectiveAccountSetting } from '../account-settings/effective-account-setting.js';
import { rootPrincipal } from '../account-settings/setting-principal.js';
import { clusterArnOf, activeCluster } from '../cluster-ref.js';
import { paginate, type Page } from '../pagination.js';
import { KIND, type ClusterRecord, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';

import { validateCapacityProviderStrategy } from './capacity-provider-strategy.js';
import { clusterCounts } from './cluster-counts.js';

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
const DEFAULT_SETTINGS: ClusterSetting[] = [{ name: 'containerInsights', value: 'disabled' }];

export class ClustersService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * CreateCluster. A cluster created without a containerInsights setting takes the account setting
   * in effect for the caller [G ecs-account-settings: "all new clusters have Container Insights
   * enabled by default"], and shows it in `settings`.
   */
  create(
    partition: Partition,
    request: CreateClusterRequest,
    principalArn: string = rootPrincipal(partition),
  ): Cluster {
    const name = request.clusterName ?? 'default';
    if (!NAME_PATTERN.test(name)) {
      throw invalidParameter(
        'Cluster name must be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
      );
    }
    const tags = validateTags(request.tags);
    const providers = request.capacityProviders ?? [];
    const strategy = validateCapacityProviderStrategy(
      request.defaultCapacityProviderStrategy ?? [],
      providers,
    );
    checkStrategyKinds(strategy);
    const arn = clusterArn(partition, name);
    return this.deps.store.transact((tx) => {
      this.checkProviders(tx, partition, providers);
      const existing = tx.get<ClusterRecord>(KIND.cluster, arn);
      if (existing?.cluster.status === 'ACTIVE') return this.view(tx, existing, ['TAGS', 'SETTINGS']);
      const cluster: Cluster = {
        clusterArn: arn,
        clusterName: name,
        status: 'ACTIVE',
        settings: this.mergeSettings(
          [this.insightsDefault(tx, partition, principalArn)],
          request.settings ?? [],
        ),
        capacityProviders: providers,
        defaultCapacityProviderStrategy: strategy,
        ...(request.configuration ? { configuration: request.configuration } : {}),
        ...(request.serviceConnectDefaults ? { serviceConnectDefaults: request.serviceConnectDefaults } : {}),
      };
      const record: ClusterRecord = { partitionKey: partitionKey(partition), cluster, tags };
      tx.put(KIND.cluster, arn, record.partitionKey, record);
      return this.view(tx, record, ['TAGS', 'SETTINGS']);
    });
  }

  /** The `default` cluster, created on first use as ECS does. */
  ensureDefault(tx: StoreTransaction, partition: Partition, ref: string | undefined): ClusterRecord {
    const arn = clusterArnOf(partition, ref);
    const existing = tx.get<ClusterRecord>(KIND.cluster, arn);
    if (existing?.cluster.status === 'ACTIVE') return existing;
    if (arn !== clusterArn(partition, 'default')) throw clusterNotFound();
    const record: ClusterRecord = {
      partitionKey: partitionKey(partition),
      cluster: {
        clusterArn: arn,
        clusterName: 'default',
        status: 'ACTIVE',
        settings: [this.insightsDefault(tx, partition, rootPrincipal(partition))],
        capacityProviders: [],
        defaultCapacityProviderStrategy: [],
      },
      tags: [],
    };
    tx.put(KIND.cluster, arn, record.partitionKey, record);
    return record;
  }

  describe(
    partition: Partition,
    refs: readonly string[] | undefined,
    include: readonly ClusterField[] = [],
  ): { clusters: Cluster[]; failures: Failure[] } {
    if (refs && refs.length > 100) throw invalidParameter('clusters can have at most 100 items.');
    const store = this.deps.store;
    const clusters: Cluster[] = [];
    const failures: Failure[] = [];
    for (const ref of refs && refs.length > 0 ? refs : ['default']) {
      let arn: string;
      try {
        arn = clusterArnOf(partition, ref);
      } catch {
        failures.push({ arn: ref, reason: 'MISSING' });
        continue;
      }
      const record = store.get<ClusterRecord>(KIND.cluster, arn);
      if (record) clusters.push(this.view(store, record, include));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { clusters, failures };
  }

  list(partition: Partition, maxResults: unknown, nextToken: unknown): Page<string> {
    const arns = this.deps.store
      .list<ClusterRecord>(KIND.cluster, partitionKey(partition))
      .filter((r) => r.cluster.status === 'ACTIVE')
      .map((r) => r.cluster.clusterArn ?? '')
      .sort();
    return paginate(arns, maxResults, nextToken);
  }

  delete(partition: Partition, ref: string): Cluster {
    return this.deps.store.transact((tx) => {
      const record = activeCluster(tx, partition, ref);
      const arn = record.cluster.clusterArn ?? '';
      const instances = tx.list<ContainerInstanceRecord>(KIND.containerInstance, arn);
      if (instances.some((i) => i.instance.status === 'ACTIVE' || i.instance.status === 'DRAINING')) {
        throw new ApiError(
          'ClusterContainsContainerInstancesException',
          'The Cluster cannot be deleted while Container Instances are active or draining.',
        );
      }
      const services = tx.list<{ service: { status?: string } }>(KIND.service, arn);
      if (services.some((s) => s.service.status === 'ACTIVE' || s.service.status === 'DRAINING')) {
        throw new ApiError(
          'ClusterContainsServicesException',
          'The Cluster cannot be deleted while Services are active.',
        );
      }
      const tasks = tx.list<TaskRecord>(KIND.task, arn);
      // Tasks that are stopping (STOPPING or later) no longer count as active [ECS-REFERENCE §2].
      if (tasks.some((t) => taskStatusRank(t.task.lastStatus ?? 'PENDING') < taskStatusRank('STOPPING'))) {
        throw new ApiError(
          'ClusterContainsTasksException',
          'The Cluster cannot be deleted while Tasks are active.',
        );
      }
      const deleted: ClusterRecord = { ...record, cluster: { ...record.cluster, status: 'INACTIVE' } };
      tx.put(KIND.cluster, arn, record.partitionKey, deleted);
      return this.view(tx, deleted, []);
    });
  }

  update(partition: Partition, request: UpdateClusterRequest): Cluster {
    return this.modify(partition, request.cluster, (cluster) => ({
      ...cluster,
      ...(request.settings ? { settings: this.mergeSettings(cluster.settings ?? [], request.settings) } : {}),
      ...(request.configuration ? { configuration: request.configuration } : {}),
      ...(request.serviceConnectDefaults ? { serviceConnectDefaults: request.serviceConnectDefaults } : {}),
    }));
  }

  updateSettings(partition: Partition, request: UpdateClusterSettingsRequest): Cluster {
    return this.modify(partition, request.cluster, (cluster) => ({
      ...cluster,
      settings: this.mergeSettings(cluster.settings ?? [], request.settings),
    }));
  }

  putCapacityProviders(partition: Partition, request: PutClusterCapacityProvidersRequest): Cluster {
    const strategy = validateCapacityProviderStrategy(
      request.defaultCapacityProviderStrategy,
      request.capacityProviders,
    );
    checkStrategyKinds(strategy);
    return this.modify(partition, request.cluster, (cluster, tx) => {
      this.checkProviders(tx, partition, request.capacityProviders);
      const removed = (cluster.capacityProviders ?? []).filter((p) => !request.capacityProviders.includes(p));
      checkProvidersNotInUse(tx, cluster.clusterArn ?? '', removed);
      return {
        ...cluster,
        capacityProviders: request.capacityProviders,
        defaultCapacityProviderStrategy: strategy,
      };
    });
  }

  /** The wire view of a cluster: stored fields plus counts derived now, shaped by `include`. */
  view(reader: StoreReader, record: ClusterRecord, include: readonly string[]): Cluster {
    const { statistics, ...counts } = clusterCounts(reader, record.cluster.clusterArn ?? '');
    const { settings, configuration, ...rest } = record.cluster;
    return {
      ...rest,
      ...counts,
      statistics: include.includes('STATISTICS') ? statistics : [],
      tags: include.includes('TAGS') ? [...record.tags] : [],
      ...(include.includes('SETTINGS') ? { settings: settings ?? DEFAULT_SETTINGS } : {}),
      ...(include.includes('CONFIGURATIONS') && configuration ? { configuration } : {}),
      ...(include.includes('ATTACHMENTS') ? { attachments: [], attachmentsStatus: 'UPDATE_COMPLETE' } : {}),
    };
  }

  private modify(
    partition: Partition,
    ref: string,
    change: (cluster: Cluster, tx: StoreTransaction) => Cluster,
  ): Cluster {
    return this.deps.store.transact((tx) => {
      const record = activeCluster(tx, partition, ref);
      const updated: ClusterRecord = { ...record, cluster: change(record.cluster, tx) };
      tx.put(KIND.cluster, record.cluster.clusterArn ?? '', record.partitionKey, updated);
      return this.view(tx, updated, ['SETTINGS', 'CONFIGURATIONS']);
    });
  }

  private insightsDefault(reader: StoreReader, partition: Partition, principalArn: string): ClusterSetting {
    return {
      name: 'containerInsights',
      value: effectiveAccountSetting(reader, partition, principalArn, 'containerInsights'),
    };
  }

  private mergeSettings(
    current: readonly ClusterSetting[],
    requested: readonly ClusterSetting[],
  ): ClusterSetting[] {
    const byName = new Map(current.map((s) => [s.name, s]));
    for (const setting of requested) {
      if (setting.name !== 'containerInsights') {
        throw invalidParameter(`Invalid setting name: ${String(setting.name)}.`);
      }
      if (!['enabled', 'disabled', 'enhanced'].includes(setting.value ?? '')) {
        throw invalidParameter(`Invalid value for containerInsights: ${String(setting.value)}.`);
      }
      byName.set(setting.name, { name: setting.name, value: setting.value ?? '' });
    }
    return [...byName.values()];
  }

  /** FARGATE, FARGATE_SPOT and the partition's ACTIVE Auto Scaling group providers may be associated. */
  private checkProviders(reader: StoreReader, partition: Partition, providers: readonly string[]): void {
    checkClusterProviders(reader, partition, providers);
  }
}
