/**
 * The capacity provider rules of CreateCluster and PutClusterCapacityProviders: which providers a
 * cluster may be associated with, that a strategy never mixes Fargate and Auto Scaling group
 * providers, and that a provider still in use is not disassociated.
 */
import { ApiError, invalidParameter, type Partition } from '@berth/core';
import type { CapacityProviderStrategyItem } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { KIND, type TaskRecord } from '../records.js';

import { activeProviderRecord, isBuiltInProvider } from './capacity-provider-record.js';

/** (impl) ECS's quota of capacity providers per cluster; the message is ECS's. */
const MAX_PROVIDERS_PER_CLUSTER = 20;

/** Every name is FARGATE, FARGATE_SPOT or an ACTIVE provider of the partition, and there are not too many. */
export const checkClusterProviders = (
  reader: StoreReader,
  partition: Partition,
  providers: readonly string[],
): void => {
  if (providers.length > MAX_PROVIDERS_PER_CLUSTER) {
    // Verified: InvalidParameterException (cloudformation-coverage-roadmap#1086).
    throw invalidParameter('The maximum number of capacity providers per cluster has been exceeded.');
  }
  for (const provider of providers) {
    if (!isBuiltInProvider(provider) && !activeProviderRecord(reader, partition, provider)) {
      throw invalidParameter(`The specified capacity provider '${provider}' does not exist.`);
    }
  }
};

/** A strategy uses either Fargate providers or Auto Scaling group providers, never both. */
export const checkStrategyKinds = (strategy: readonly CapacityProviderStrategyItem[]): void => {
  const fargate = strategy.filter((item) => isBuiltInProvider(item.capacityProvider)).length;
  if (fargate > 0 && fargate < strategy.length) {
    // Verified: InvalidParameterException (terraform-aws-modules/terraform-aws-ecs#68).
    throw invalidParameter(
      'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
    );
  }
};

interface StrategyHolder {
  readonly service: {
    readonly status?: string;
    readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
  };
}

/**
 * Disassociating providers that an ACTIVE or DRAINING service's strategy or an unstopped task
 * still uses fails, as ECS's PutClusterCapacityProviders does.
 */
export const checkProvidersNotInUse = (
  reader: StoreReader,
  clusterArn: string,
  removed: readonly string[],
): void => {
  if (removed.length === 0) return;
  const usedByService = reader
    .list<StrategyHolder>(KIND.service, clusterArn)
    .some(
      (s) =>
        (s.service.status === 'ACTIVE' || s.service.status === 'DRAINING') &&
        (s.service.capacityProviderStrategy ?? []).some((item) => removed.includes(item.capacityProvider)),
    );
  const usedByTask = reader
    .list<TaskRecord>(KIND.task, clusterArn)
    .some((t) => t.task.lastStatus !== 'STOPPED' && removed.includes(t.task.capacityProviderName ?? ''));
  if (usedByService || usedByTask) {
    // Verified: ResourceInUseException (pahud/cdk-fargate-patterns#71).
    throw new ApiError(
      'ResourceInUseException',
      'The specified capacity provider is in use and cannot be removed.',
    );
  }
};
