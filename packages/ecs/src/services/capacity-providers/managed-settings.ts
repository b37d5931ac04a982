/**
 * The managed settings of an Auto Scaling group provider — managed scaling, managed termination
 * protection and managed draining — with the defaults ECS fills in on create, validated as ECS
 * validates them. On update, the fields given replace the current ones and the rest stay.
 *
 * Berth records these settings faithfully; its groups are sets of agents the user starts, so
 * nothing scales them yet.
 */
import { clientException, type ApiError } from '@berth/core';
import type {
  AutoScalingGroupProviderUpdate,
  ManagedDraining,
  ManagedScaling,
  ManagedScalingStatus,
  ManagedTerminationProtection,
} from '@berth/wire/ecs';

export interface ManagedSettings {
  readonly managedScaling: Required<ManagedScaling>;
  readonly managedTerminationProtection: ManagedTerminationProtection;
  readonly managedDraining: ManagedDraining;
}

/** What ECS applies when a setting is not given (see the CreateCapacityProvider examples). */
export const DEFAULT_MANAGED_SETTINGS: ManagedSettings = {
  managedScaling: {
    status: 'ENABLED',
    targetCapacity: 100,
    minimumScalingStepSize: 1,
    maximumScalingStepSize: 10000,
    instanceWarmupPeriod: 300,
  },
  managedTerminationProtection: 'DISABLED',
  managedDraining: 'ENABLED',
};

const SWITCH = ['ENABLED', 'DISABLED'] as const;

/** (impl) A value outside the model's enum, in the standard AWS model-validation wording. */
const enumValue = <T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw clientException(
    `1 validation error detected: Value '${typeof value === 'string' ? value : JSON.stringify(value)}' at '${path}' failed to satisfy constraint: ` +
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
};

const integerIn = (value: unknown, min: number, max: number, error: () => ApiError): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw error();
  return value;
};

// Verified: "The specified minimum scaling step size is invalid." (ClientException, aws-cli#4781).
// (impl) The other three follow its form; the ranges are the model's.
const invalidTarget = (): ApiError => clientException('The specified target capacity is invalid.');
const invalidMinStep = (): ApiError => clientException('The specified minimum scaling step size is invalid.');
const invalidMaxStep = (): ApiError => clientException('The specified maximum scaling step size is invalid.');
const invalidWarmup = (): ApiError => clientException('The specified instance warmup period is invalid.');

const managedScaling = (
  requested: ManagedScaling | undefined,
  current: Required<ManagedScaling>,
): Required<ManagedScaling> => {
  if (!requested) return current;
  const path = 'autoScalingGroupProvider.managedScaling';
  const next: Required<ManagedScaling> = {
    status: enumValue<ManagedScalingStatus>(`${path}.status`, requested.status, SWITCH) ?? current.status,
    targetCapacity: integerIn(requested.targetCapacity, 1, 100, invalidTarget) ?? current.targetCapacity,
    minimumScalingStepSize:
      integerIn(requested.minimumScalingStepSize, 1, 10000, invalidMinStep) ?? current.minimumScalingStepSize,
    maximumScalingStepSize:
      integerIn(requested.maximumScalingStepSize, 1, 10000, invalidMaxStep) ?? current.maximumScalingStepSize,
    instanceWarmupPeriod:
      integerIn(requested.instanceWarmupPeriod, 0, 10000, invalidWarmup) ?? current.instanceWarmupPeriod,
  };
  // (impl) ECS rejects a minimum above the maximum; the message is the maximum's.
  if (next.minimumScalingStepSize > next.maximumScalingStepSize) throw invalidMaxStep();
  return next;
};

/** The settings after applying `requested` over `current` (the ECS defaults on create). */
export const managedSettings = (
  requested: AutoScalingGroupProviderUpdate,
  current: ManagedSettings = DEFAULT_MANAGED_SETTINGS,
): ManagedSettings => {
  const next: ManagedSettings = {
    managedScaling: managedScaling(requested.managedScaling, current.managedScaling),
    managedTerminationProtection:
      enumValue<ManagedTerminationProtection>(
        'autoScalingGroupProvider.managedTerminationProtection',
        requested.managedTerminationProtection,
        SWITCH,
      ) ?? current.managedTerminationProtection,
    managedDraining:
      enumValue<ManagedDraining>(
        'autoScalingGroupProvider.managedDraining',
        requested.managedDraining,
        SWITCH,
      ) ?? current.managedDraining,
  };
  if (next.managedTerminationProtection === 'ENABLED' && next.managedScaling.status === 'DISABLED') {
    // (impl) ECS requires managed scaling for managed termination protection; the first sentence
    // is ECS's, the second is worded for this case.
    throw clientException(
      'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the capacity provider must have managed scaling turned on.',
    );
  }
  return next;
};
