/**
 * How a user capacity provider (an Auto Scaling group provider) is stored, its ARN, and how a
 * `capacityProvider` parameter (a name or an ARN) finds it. FARGATE and FARGATE_SPOT are built in
 * and never stored.
 *
 * Records are keyed by ARN and scoped by partition. A deleted provider keeps its record, INACTIVE,
 * so DescribeCapacityProviders by name still answers (as ECS does) until the name is reused.
 */
import { ecsArn, parseArn, partitionKey, type Partition } from '@berth/core';
import type { CapacityProvider, Tag } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { KIND } from '../records.js';

/** The providers every account has, in the order ECS lists them. */
export const BUILT_IN_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

export const isBuiltInProvider = (name: string): boolean => BUILT_IN_PROVIDERS.includes(name);

export interface CapacityProviderRecord {
  readonly partitionKey: string;
  /** The wire provider without tags. */
  readonly provider: CapacityProvider;
  readonly tags: readonly Tag[];
  /** The Auto Scaling group NAME derived from `autoScalingGroupArn`: the agents' group. */
  readonly groupName: string;
  /** Epoch ms: DescribeCapacityProviders lists providers in creation order. */
  readonly createdAt: number;
}

export const capacityProviderArn = (partition: Partition, name: string): string =>
  ecsArn(partition, `capacity-provider/${name}`);

/** The provider name a parameter gives: the name itself, or the last part of a capacity-provider ARN. */
export const providerNameOf = (ref: string): string | undefined => {
  if (!ref.startsWith('arn:')) return ref;
  const parsed = parseArn(ref);
  if (
    !parsed ||
    parsed.service !== 'ecs' ||
    parsed.type !== 'capacity-provider' ||
    parsed.path.length !== 1
  ) {
    return undefined;
  }
  return parsed.path[0];
};

/** The stored record a name or ARN names, in any status; undefined for built-ins and unknown names. */
export const providerRecord = (
  reader: StoreReader,
  partition: Partition,
  ref: string,
): CapacityProviderRecord | undefined => {
  const name = providerNameOf(ref);
  if (name === undefined || isBuiltInProvider(name)) return undefined;
  const arn = capacityProviderArn(partition, name);
  if (ref.startsWith('arn:') && ref !== arn) return undefined;
  return reader.get<CapacityProviderRecord>(KIND.capacityProvider, arn);
};

/** The ACTIVE record a name or ARN names, or undefined. */
export const activeProviderRecord = (
  reader: StoreReader,
  partition: Partition,
  ref: string,
): CapacityProviderRecord | undefined => {
  const record = providerRecord(reader, partition, ref);
  return record?.provider.status === 'ACTIVE' ? record : undefined;
};

/** Every ACTIVE user provider of a partition, oldest first. */
export const activeProviderRecords = (reader: StoreReader, partition: Partition): CapacityProviderRecord[] =>
  reader
    .list<CapacityProviderRecord>(KIND.capacityProvider, partitionKey(partition))
    .filter((r) => r.provider.status === 'ACTIVE')
    .sort(
      (a, b) => a.createdAt - b.createdAt || (a.provider.name ?? '').localeCompare(b.provider.name ?? ''),
    );
