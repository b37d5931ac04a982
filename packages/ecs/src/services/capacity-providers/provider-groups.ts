/**
 * Which agents an Auto Scaling group provider stands for. In Berth an Auto Scaling group is a
 * named group of agents: `berth agent --auto-scaling-group NAME` registers its container instance
 * with the custom attribute `berth.auto-scaling-group` = NAME. An instance belongs to provider P of
 * its cluster when P is associated with the cluster and P's group NAME equals that attribute.
 */
import { parseArn, type Partition } from '@berth/core';
import type { Attribute } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { KIND, type ClusterRecord } from '../records.js';

import { activeProviderRecord, isBuiltInProvider } from './capacity-provider-record.js';

/** The attribute an agent's `--auto-scaling-group` option sets (mirrored in the agent's host facts). */
export const AUTO_SCALING_GROUP_ATTRIBUTE = 'berth.auto-scaling-group';

/** The group NAME of an ACTIVE Auto Scaling group provider; undefined for FARGATE, FARGATE_SPOT and unknown names. */
export const autoScalingGroupOfProvider = (
  reader: StoreReader,
  partition: Partition,
  providerName: string,
): string | undefined => activeProviderRecord(reader, partition, providerName)?.groupName;

/** The group an instance's attributes put it in, if any. */
export const autoScalingGroupOfInstance = (
  attributes: readonly Attribute[] | undefined,
): string | undefined => attributes?.find((a) => a.name === AUTO_SCALING_GROUP_ATTRIBUTE)?.value;

/**
 * The provider of its cluster an instance belongs to (DescribeContainerInstances'
 * `capacityProviderName`): the first of the cluster's providers whose group is the instance's.
 */
export const capacityProviderOfInstance = (
  reader: StoreReader,
  clusterArn: string,
  attributes: readonly Attribute[] | undefined,
): string | undefined => {
  const group = autoScalingGroupOfInstance(attributes);
  if (group === undefined) return undefined;
  const parsed = parseArn(clusterArn);
  const cluster = reader.get<ClusterRecord>(KIND.cluster, clusterArn);
  if (!parsed || !cluster) return undefined;
  const partition: Partition = { accountId: parsed.accountId, region: parsed.region };
  return (cluster.cluster.capacityProviders ?? []).find(
    (name) => !isBuiltInProvider(name) && autoScalingGroupOfProvider(reader, partition, name) === group,
  );
};
