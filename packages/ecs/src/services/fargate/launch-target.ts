/**
 * What a RunTask or CreateService asks to run on: a launch type, or a capacity provider strategy
 * (given, or the cluster's default when neither is given), with ECS's rules for each. Pure.
 */
import { invalidParameter, unsupportedFeature } from '@berth/core';
import type { CapacityProviderStrategyItem, Cluster } from '@berth/wire/ecs';
import type { StrategyItem } from '@berth/scheduler';

import { checkStrategyKinds } from '../capacity-providers/cluster-providers.js';
import {
  FARGATE_PROVIDERS,
  validateCapacityProviderStrategy,
} from '../clusters/capacity-provider-strategy.js';

export interface LaunchAsk {
  readonly launchType?: string | undefined;
  readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[] | undefined;
  readonly platformVersion?: string | undefined;
}

export interface LaunchTarget {
  readonly launchType: 'EC2' | 'FARGATE';
  /** Set when tasks are split across capacity providers; each task then names its provider. */
  readonly strategy?: readonly StrategyItem[];
  /** FARGATE only: the platform version asked for (LATEST unless given). */
  readonly platformVersion?: string;
}

/** The target a deployment was made for, to launch more of its tasks or to update from. */
export const targetOf = (deployment: {
  readonly launchType: string;
  readonly capacityProviderStrategy?: readonly StrategyItem[] | undefined;
  readonly platformVersion?: string | undefined;
}): LaunchTarget => ({
  launchType: deployment.launchType === 'FARGATE' ? 'FARGATE' : 'EC2',
  ...(deployment.capacityProviderStrategy ? { strategy: deployment.capacityProviderStrategy } : {}),
  ...(deployment.platformVersion ? { platformVersion: deployment.platformVersion } : {}),
});

/** Linux Fargate platform versions; LATEST is 1.4.0 [G platform-linux-fargate]. */
export const LATEST_PLATFORM_VERSION = '1.4.0';
const PLATFORM_VERSIONS: readonly string[] = ['LATEST', '1.4.0', '1.3.0'];

export const resolvedPlatformVersion = (asked: string): string =>
  asked === 'LATEST' ? LATEST_PLATFORM_VERSION : asked;

export const isFargateProvider = (name: string): boolean => FARGATE_PROVIDERS.includes(name);

export const resolveLaunchTarget = (ask: LaunchAsk, cluster: Cluster): LaunchTarget => {
  const asked = nonEmpty(ask.capacityProviderStrategy);
  if (ask.launchType && asked) {
    throw invalidParameter('Specifying both a launch type and capacity provider strategy is not supported.');
  }
  if (ask.launchType === 'EXTERNAL') throw unsupportedFeature('Berth does not run the EXTERNAL launch type.');
  if (ask.launchType !== undefined && ask.launchType !== 'EC2' && ask.launchType !== 'FARGATE') {
    throw invalidParameter(`Invalid launch type: ${ask.launchType}.`);
  }
  const strategy = asked ?? (ask.launchType ? undefined : nonEmpty(cluster.defaultCapacityProviderStrategy));
  const target = strategy
    ? strategyTarget(strategy, cluster)
    : { launchType: ask.launchType === 'FARGATE' ? ('FARGATE' as const) : ('EC2' as const) };
  return { ...target, ...platformOf(target.launchType, ask.platformVersion) };
};

const nonEmpty = <T>(items: readonly T[] | undefined): readonly T[] | undefined =>
  items && items.length > 0 ? items : undefined;

const strategyTarget = (
  strategy: readonly CapacityProviderStrategyItem[],
  cluster: Cluster,
): { launchType: 'EC2' | 'FARGATE'; strategy: StrategyItem[] } => {
  const items = validateCapacityProviderStrategy(strategy, cluster.capacityProviders ?? []);
  checkStrategyKinds(items);
  return {
    launchType: items.some((i) => isFargateProvider(i.capacityProvider)) ? 'FARGATE' : 'EC2',
    strategy: items.map((i) => ({
      capacityProvider: i.capacityProvider,
      base: i.base ?? 0,
      weight: i.weight ?? 0,
    })),
  };
};

const platformOf = (
  launchType: 'EC2' | 'FARGATE',
  asked: string | undefined,
): { platformVersion?: string } => {
  if (launchType === 'EC2') {
    if (asked !== undefined) {
      throw invalidParameter('The platform version must be null when specifying an EC2 launch type.');
    }
    return {};
  }
  const version = asked ?? 'LATEST';
  // (impl) ECS's message for an unknown platform version.
  if (!PLATFORM_VERSIONS.includes(version)) {
    throw invalidParameter(`The specified platform version (${version}) does not exist.`);
  }
  return { platformVersion: version };
};
