/**
 * Checks of CreateDaemon and UpdateDaemon input [M CreateDaemonRequest, UpdateDaemonRequest,
 * DaemonDeploymentConfiguration]: name, client token, capacity providers, deployment configuration
 * and the tag switches. Messages marked (impl) are Berth's: ECS publishes none for these.
 */
import { invalidParameter, unsupportedFeature, type Partition } from '@berth/core';
import type { DaemonDeploymentConfiguration, DaemonPropagateTags } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import {
  activeProviderRecord,
  capacityProviderArn,
  isBuiltInProvider,
  providerNameOf,
} from '../capacity-providers/capacity-provider-record.js';
import { providerInstances } from '../capacity-providers/provider-instances.js';
import type { ClusterRecord } from '../records.js';

/** Up to 255 letters, numbers, underscores and hyphens [M CreateDaemonRequest.daemonName]. */
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
/** Up to 36 ASCII characters in the range 33–126 [M CreateDaemonRequest.clientToken]. */
const CLIENT_TOKEN = /^[\x21-\x7e]{1,36}$/;
/** [G managed-daemons-deployments]: "If not specified, the default is 25.0." */
export const DEFAULT_DRAIN_PERCENT = 25;
/** (impl) A day: ECS publishes no bound for bakeTimeInMinutes. */
const MAX_BAKE_MINUTES = 1440;

export const checkDaemonName = (name: unknown): string => {
  if (typeof name !== 'string' || name === '') throw invalidParameter('daemonName can not be blank.');
  if (!NAME_PATTERN.test(name)) {
    // (impl) The rule is the model's.
    throw invalidParameter(
      'Daemon name must be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.',
    );
  }
  return name;
};

export const checkClientToken = (token: unknown): string | undefined => {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string' || !CLIENT_TOKEN.test(token)) {
    throw invalidParameter('clientToken must be up to 36 ASCII characters in the range 33-126.');
  }
  return token;
};

/**
 * The capacity providers of a daemon, as full ARNs. Berth's Auto Scaling group providers stand in
 * for ECS Managed Instances providers; FARGATE and FARGATE_SPOT are refused with the sentence the
 * API Reference gives every daemon operation ("ECS Managed Daemons is only supported for Amazon
 * ECS Managed Instances Capacity Providers.").
 */
export const checkDaemonProviders = (
  reader: StoreReader,
  partition: Partition,
  cluster: ClusterRecord,
  refs: unknown,
): string[] => {
  if (!Array.isArray(refs) || refs.length === 0) {
    throw invalidParameter('capacityProviderArns can not be empty.');
  }
  const associated = cluster.cluster.capacityProviders ?? [];
  const arns: string[] = [];
  for (const ref of refs as unknown[]) {
    const name = typeof ref === 'string' ? providerNameOf(ref) : undefined;
    if (name === undefined || name === '')
      throw invalidParameter(`Invalid capacity provider ARN: ${String(ref)}.`);
    if (isBuiltInProvider(name)) {
      throw invalidParameter(
        'ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.',
      );
    }
    if (!activeProviderRecord(reader, partition, ref as string)) {
      throw invalidParameter(`The specified capacity provider '${name}' does not exist.`);
    }
    if (!associated.includes(name)) {
      throw invalidParameter(`The specified capacity provider '${name}' is not associated with the cluster.`);
    }
    const arn = capacityProviderArn(partition, name);
    if (!arns.includes(arn)) arns.push(arn);
  }
  return arns;
};

/** The instances of a cluster in any of the capacity providers. */
export const instancesOfProviders = (
  reader: StoreReader,
  partition: Partition,
  clusterArn: string,
  providerArns: readonly string[],
): Set<string> => {
  const out = new Set<string>();
  for (const arn of providerArns) {
    for (const instance of providerInstances(reader, partition, clusterArn, providerNameOf(arn) ?? '')) {
      out.add(instance);
    }
  }
  return out;
};

/** The deployment configuration with ECS's defaults (drainPercent 25, bake time 0, alarms off). */
export const checkDeploymentConfiguration = (
  config: DaemonDeploymentConfiguration | undefined,
): Required<DaemonDeploymentConfiguration> => {
  const drainPercent = config?.drainPercent ?? DEFAULT_DRAIN_PERCENT;
  if (
    typeof drainPercent !== 'number' ||
    !Number.isFinite(drainPercent) ||
    drainPercent < 0 ||
    drainPercent > 100
  ) {
    throw invalidParameter('drainPercent must be between 0.0 and 100.0.');
  }
  const bake = config?.bakeTimeInMinutes ?? 0;
  if (!Number.isInteger(bake) || bake < 0 || bake > MAX_BAKE_MINUTES) {
    throw invalidParameter(`bakeTimeInMinutes must be between 0 and ${MAX_BAKE_MINUTES}.`);
  }
  const alarmNames: unknown = config?.alarms?.alarmNames ?? [];
  if (!Array.isArray(alarmNames) || alarmNames.some((n) => typeof n !== 'string')) {
    throw invalidParameter('alarms.alarmNames must be a list of alarm names.');
  }
  const enable = config?.alarms?.enable ?? false;
  if (enable === true) {
    // (impl) Berth watches deployment alarms for services, not yet for daemons.
    throw unsupportedFeature('Berth does not evaluate CloudWatch alarms in daemon deployments.');
  }
  return {
    drainPercent,
    bakeTimeInMinutes: bake,
    alarms: { alarmNames: alarmNames as string[], enable: false },
  };
};

export const checkPropagateTags = (value: unknown, fallback: DaemonPropagateTags): DaemonPropagateTags => {
  if (value === undefined || value === null) return fallback;
  if (value !== 'DAEMON' && value !== 'NONE') {
    throw invalidParameter(
      `1 validation error detected: Value '${typeof value === 'string' ? value : JSON.stringify(value)}' at 'propagateTags' failed to satisfy constraint: Member must satisfy enum value set: [DAEMON, NONE]`,
    );
  }
  return value;
};

export const checkFlag = (value: unknown, name: string, fallback: boolean): boolean => {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidParameter(`${name} must be a boolean.`);
  return value;
};
