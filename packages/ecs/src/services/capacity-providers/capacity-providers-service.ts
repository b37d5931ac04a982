/**
 * CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider and
 * DeleteCapacityProvider for Auto Scaling group providers. FARGATE and FARGATE_SPOT are built in:
 * always described, never created, updated or deleted.
 *
 *   create ──▶ ACTIVE ──update──▶ ACTIVE (updateStatus UPDATE_COMPLETE; the reply says UPDATE_IN_PROGRESS)
 *                 │
 *                 ├─delete, still associated with a cluster──▶ ACTIVE, DELETE_FAILED (+ reason)
 *                 └─delete──▶ INACTIVE, DELETE_COMPLETE (the reply says ACTIVE, DELETE_IN_PROGRESS)
 *
 * As on ECS, a delete blocked by a cluster association is not an error: the reply (and later
 * descriptions) carry updateStatus DELETE_FAILED and updateStatusReason.
 */
import {
  clientException,
  invalidParameter,
  partitionKey,
  unsupportedFeature,
  type ApiError,
  type Partition,
} from '@berth/core';
import type {
  CapacityProvider,
  CreateCapacityProviderRequest,
  DescribeCapacityProvidersRequest,
  Failure,
  UpdateCapacityProviderRequest,
} from '@berth/wire/ecs';
import type { StoreReader, StoreTransaction } from '@berth/store';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import { paginate } from '../pagination.js';
import { KIND, type ClusterRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';

import { autoScalingGroupName } from './auto-scaling-group.js';
import {
  BUILT_IN_PROVIDERS,
  activeProviderRecord,
  activeProviderRecords,
  capacityProviderArn,
  isBuiltInProvider,
  providerNameOf,
  providerRecord,
  type CapacityProviderRecord,
} from './capacity-provider-record.js';
import { builtInProviderView, providerView } from './capacity-provider-views.js';
import { DEFAULT_MANAGED_SETTINGS, managedSettings, type ManagedSettings } from './managed-settings.js';

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
const RESERVED_PREFIX = /^(aws|ecs|fargate)/i;
const MAX_DESCRIBED = 100;
/** DescribeCapacityProviders returns 10 per page unless maxResults says otherwise. */
const DEFAULT_PAGE = 10;

// Verified (aws/aws-cdk#29151). (impl) The error code: ECS's other CreateCapacityProvider
// rejections are ClientException.
const invalidName = (): ApiError =>
  clientException(
    'The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.',
  );

// (impl) The text is ECS's for an unknown provider (terraform-aws-modules/terraform-aws-ecs#53);
// that Update/Delete use it, and the code, are not verified.
const notFound = (): ApiError =>
  clientException(
    'The specified capacity provider was not found. Specify a valid capacity provider and try again.',
  );

// (impl) Worded after the DeleteCapacityProvider reference ("reserved and can't be deleted").
const reserved = (action: 'updated' | 'deleted'): ApiError =>
  clientException(`The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be ${action}.`);

// (impl) Berth serves Auto Scaling group providers only.
const managedInstancesUnsupported = (): ApiError =>
  unsupportedFeature('Amazon ECS Managed Instances capacity providers are not supported.');

// (impl) The member is optional in the model since Managed Instances; ECS requires one of the two.
const providerRequired = (): ApiError => invalidParameter('autoScalingGroupProvider can not be blank.');

type Entry = { readonly provider: CapacityProvider } | { readonly failure: Failure };

export class CapacityProvidersService {
  constructor(private readonly deps: ServiceDeps) {}

  create(partition: Partition, request: CreateCapacityProviderRequest): CapacityProvider {
    const name: unknown = request.name;
    if (typeof name !== 'string' || !NAME_PATTERN.test(name) || RESERVED_PREFIX.test(name)) {
      throw invalidName();
    }
    if (request.managedInstancesProvider) throw managedInstancesUnsupported();
    const group = request.autoScalingGroupProvider;
    if (!group) throw providerRequired();
    const groupName = autoScalingGroupName(group.autoScalingGroupArn);
    const settings = managedSettings(group);
    const tags = validateTags(request.tags);
    const arn = capacityProviderArn(partition, name);
    return this.deps.store.transact((tx) => {
      if (tx.get<CapacityProviderRecord>(KIND.capacityProvider, arn)?.provider.status === 'ACTIVE') {
        // Verified: ClientException (aws/containers-roadmap#688).
        throw clientException(
          'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
        );
      }
      if (activeProviderRecords(tx, partition).some((r) => r.groupName === groupName)) {
        // Verified: ClientException (aws/containers-roadmap#632).
        throw clientException(
          'The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.',
        );
      }
      const record: CapacityProviderRecord = {
        partitionKey: partitionKey(partition),
        provider: {
          capacityProviderArn: arn,
          name,
          status: 'ACTIVE',
          autoScalingGroupProvider: { autoScalingGroupArn: group.autoScalingGroupArn, ...settings },
          type: 'EC2_AUTOSCALING',
        },
        tags,
        groupName,
        createdAt: this.deps.now(),
      };
      tx.put(KIND.capacityProvider, arn, record.partitionKey, record);
      return providerView(record, true);
    });
  }

  describe(
    partition: Partition,
    request: DescribeCapacityProvidersRequest,
  ): { capacityProviders: CapacityProvider[]; failures: Failure[]; nextToken?: string } {
    const refs = request.capacityProviders ?? [];
    if (refs.length > MAX_DESCRIBED) {
      // (impl) Worded as the other Describe* limits.
      throw invalidParameter(`capacityProviders can have at most ${MAX_DESCRIBED} items.`);
    }
    const withTags = (request.include ?? []).includes('TAGS');
    const store = this.deps.store;
    const entries: Entry[] =
      refs.length > 0
        ? refs.map((ref) => this.entryOf(store, partition, ref, withTags))
        : this.listed(store, partition, request.cluster, withTags);
    // (impl) The reference allows maxResults 1–10; clients send up to 100 and ECS answers, so it is
    // accepted up to 100.
    const page = paginate(entries, request.maxResults ?? DEFAULT_PAGE, request.nextToken, MAX_DESCRIBED);
    return {
      capacityProviders: page.items.flatMap((e) => ('provider' in e ? [e.provider] : [])),
      failures: page.items.flatMap((e) => ('failure' in e ? [e.failure] : [])),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  update(partition: Partition, request: UpdateCapacityProviderRequest): CapacityProvider {
    if (request.managedInstancesProvider) throw managedInstancesUnsupported();
    const requested = request.autoScalingGroupProvider;
    if (!requested) throw providerRequired();
    return this.deps.store.transact((tx) => {
      const record = this.activeRecord(tx, partition, request.name, 'updated');
      const group = record.provider.autoScalingGroupProvider;
      const settings = managedSettings(requested, settingsOf(record));
      const { updateStatusReason: _previous, ...provider } = record.provider;
      const updated: CapacityProviderRecord = {
        ...record,
        provider: {
          ...provider,
          autoScalingGroupProvider: { autoScalingGroupArn: group?.autoScalingGroupArn ?? '', ...settings },
          updateStatus: 'UPDATE_COMPLETE',
        },
      };
      tx.put(KIND.capacityProvider, provider.capacityProviderArn ?? '', record.partitionKey, updated);
      return { ...providerView(updated, true), updateStatus: 'UPDATE_IN_PROGRESS' };
    });
  }

  delete(partition: Partition, ref: string): CapacityProvider {
    return this.deps.store.transact((tx) => {
      const record = this.activeRecord(tx, partition, ref, 'deleted');
      const { updateStatusReason: _previous, ...provider } = record.provider;
      const arn = provider.capacityProviderArn ?? '';
      const name = provider.name ?? '';
      const cluster = tx
        .list<ClusterRecord>(KIND.cluster, record.partitionKey)
        .find((c) => c.cluster.status === 'ACTIVE' && (c.cluster.capacityProviders ?? []).includes(name));
      if (cluster) {
        // Verified: the reply ECS gives, with HTTP 200 (repost.aws knowledge-center
        // ecs-capacity-provider-error; hashicorp/terraform-provider-aws#48156).
        const failed: CapacityProviderRecord = {
          ...record,
          provider: {
            ...provider,
            updateStatus: 'DELETE_FAILED',
            updateStatusReason: `The capacity provider cannot be deleted because it is associated with cluster: ${clusterNameOf(cluster.cluster.clusterArn ?? '')}. Remove the capacity provider from the cluster and try again.`,
          },
        };
        tx.put(KIND.capacityProvider, arn, record.partitionKey, failed);
        return providerView(failed, true);
      }
      const deleted: CapacityProviderRecord = {
        ...record,
        provider: { ...provider, status: 'INACTIVE', updateStatus: 'DELETE_COMPLETE' },
      };
      tx.put(KIND.capacityProvider, arn, record.partitionKey, deleted);
      return { ...providerView({ ...record, provider }, true), updateStatus: 'DELETE_IN_PROGRESS' };
    });
  }

  /** The ACTIVE user provider a name or ARN names, or ECS's error for built-ins and unknown names. */
  private activeRecord(
    tx: StoreTransaction,
    partition: Partition,
    ref: unknown,
    action: 'updated' | 'deleted',
  ): CapacityProviderRecord {
    if (typeof ref !== 'string') throw notFound();
    const name = providerNameOf(ref);
    if (name !== undefined && isBuiltInProvider(name)) throw reserved(action);
    const record = activeProviderRecord(tx, partition, ref);
    if (!record) throw notFound();
    return record;
  }

  private entryOf(reader: StoreReader, partition: Partition, ref: string, withTags: boolean): Entry {
    const name = providerNameOf(ref);
    if (name === undefined) return { failure: { arn: ref, reason: 'MISSING' } };
    if (isBuiltInProvider(name)) return { provider: builtInProviderView(partition, name) };
    const record = providerRecord(reader, partition, ref);
    if (record) return { provider: providerView(record, withTags) };
    return {
      failure: {
        arn: ref.startsWith('arn:') ? ref : capacityProviderArn(partition, name),
        reason: 'MISSING',
      },
    };
  }

  /** Every ACTIVE provider, oldest first, then the built-ins; only the cluster's when one is named. */
  private listed(
    reader: StoreReader,
    partition: Partition,
    clusterRef: string | undefined,
    withTags: boolean,
  ): Entry[] {
    const associated = clusterRef
      ? (activeCluster(reader, partition, clusterRef).cluster.capacityProviders ?? [])
      : undefined;
    const keep = (name: string | undefined): boolean => !associated || associated.includes(name ?? '');
    return [
      ...activeProviderRecords(reader, partition)
        .filter((r) => keep(r.provider.name))
        .map((r) => ({ provider: providerView(r, withTags) })),
      ...BUILT_IN_PROVIDERS.filter(keep).map((name) => ({ provider: builtInProviderView(partition, name) })),
    ];
  }
}

const settingsOf = (record: CapacityProviderRecord): ManagedSettings => {
  const group = record.provider.autoScalingGroupProvider;
  return {
    managedScaling: { ...DEFAULT_MANAGED_SETTINGS.managedScaling, ...group?.managedScaling },
    managedTerminationProtection:
      group?.managedTerminationProtection ?? DEFAULT_MANAGED_SETTINGS.managedTerminationProtection,
    managedDraining: group?.managedDraining ?? DEFAULT_MANAGED_SETTINGS.managedDraining,
  };
};
