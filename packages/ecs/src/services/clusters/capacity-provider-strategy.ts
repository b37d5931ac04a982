import { invalidParameter } from '@berth/core';
import type { CapacityProviderStrategyItem } from '@berth/wire/ecs';

export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];
const MAX_ITEMS = 20;

/** Validates a capacity provider strategy's shape as ECS does (base on one item only, weights, size). */
export const validateCapacityProviderStrategy = (
  strategy: readonly CapacityProviderStrategyItem[],
  allowedProviders: readonly string[],
): CapacityProviderStrategyItem[] => {
  if (strategy.length > MAX_ITEMS) {
    throw invalidParameter(
      `A capacity provider strategy can contain a maximum of ${MAX_ITEMS} capacity providers.`,
    );
  }
  let withBase = 0;
  for (const item of strategy) {
    const base = item.base ?? 0;
    const weight = item.weight ?? 0;
    if (!Number.isInteger(base) || base < 0 || base > 100000) {
      throw invalidParameter('The base value must be between 0 and 100000.');
    }
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) {
      throw invalidParameter('The weight value must be between 0 and 1000.');
    }
    if (base > 0) withBase += 1;
    if (!allowedProviders.includes(item.capacityProvider)) {
      throw invalidParameter(
        `The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.`,
      );
    }
  }
  if (withBase > 1)
    throw invalidParameter(
      'Only one capacity provider in a capacity provider strategy can have a base defined.',
    );
  if (strategy.length > 0 && strategy.every((item) => (item.weight ?? 0) === 0)) {
    throw invalidParameter(
      'At least one capacity provider in a capacity provider strategy must have a weight greater than zero.',
    );
  }
  const names = strategy.map((item) => item.capacityProvider);
  if (new Set(names).size !== names.length) {
    throw invalidParameter('A capacity provider strategy cannot contain duplicate capacity providers.');
  }
  return strategy.map((item) => ({
    capacityProvider: item.capacityProvider,
    weight: item.weight ?? 0,
    base: item.base ?? 0,
  }));
};
