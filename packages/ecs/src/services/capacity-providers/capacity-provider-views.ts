/**
 * Capacity providers as DescribeCapacityProviders returns them: the built-in FARGATE and
 * FARGATE_SPOT (ACTIVE, no autoScalingGroupProvider) and the user's Auto Scaling group providers.
 * `tags` is always present; it holds the tags only when they were asked for.
 */
import type { Partition } from '@berth/core';
import type { CapacityProvider, CapacityProviderType } from '@berth/wire/ecs';

import { capacityProviderArn, type CapacityProviderRecord } from './capacity-provider-record.js';

export const builtInProviderView = (partition: Partition, name: string): CapacityProvider => ({
  capacityProviderArn: capacityProviderArn(partition, name),
  name,
  status: 'ACTIVE',
  tags: [],
  // (impl) ECS's current model carries `type`; built-ins report their own name.
  type: name as CapacityProviderType,
});

export const providerView = (record: CapacityProviderRecord, withTags: boolean): CapacityProvider => ({
  ...record.provider,
  tags: withTags ? [...record.tags] : [],
});
