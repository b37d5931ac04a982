/** Validation and defaults of CreateService/UpdateService parameters that need no store. Pure. */
import { invalidParameter, unsupportedFeature } from '@berth/core';
import type {
  CapacityProviderStrategyItem,
  CreateServiceRequest,
  DeploymentConfiguration,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
} from '@berth/wire/ecs';

import type { LaunchTarget } from '../fargate/launch-target.js';

import { isTrafficShifting, mergeDeploymentStrategy } from './deployment-strategy-rules.js';

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;
const MAX_CONSTRAINTS = 10;
const MAX_STRATEGIES = 5;

export type SchedulingStrategy = 'REPLICA' | 'DAEMON';

export const validateServiceName = (name: string | undefined): string => {
  if (!name) throw invalidParameter('serviceName can not be blank.');
  if (!NAME_PATTERN.test(name)) {
    throw invalidParameter(
      'Service name must be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
    );
  }
  return name;
};

export const schedulingStrategyOf = (value: string | undefined): SchedulingStrategy => {
  if (value === undefined || value === 'REPLICA') return 'REPLICA';
  if (value === 'DAEMON') return 'DAEMON';
  throw invalidParameter(`Invalid schedulingStrategy: ${value}.`);
};

/** ECS's defaults: REPLICA 100/200, DAEMON 0/100; the circuit breaker off. */
export const deploymentConfigurationOf = (
  strategy: SchedulingStrategy,
  given: DeploymentConfiguration | undefined,
  current?: DeploymentConfiguration,
): DeploymentConfiguration => {
  const strategyFields = mergeDeploymentStrategy(given, current);
  const base = current ?? {
    deploymentCircuitBreaker: { enable: false, rollback: false },
    maximumPercent: strategy === 'DAEMON' ? 100 : 200,
    minimumHealthyPercent: strategy === 'DAEMON' ? 0 : 100,
  };
  const merged: DeploymentConfiguration = {
    ...base,
    ...(given?.deploymentCircuitBreaker ? { deploymentCircuitBreaker: given.deploymentCircuitBreaker } : {}),
    ...(given?.maximumPercent !== undefined ? { maximumPercent: given.maximumPercent } : {}),
    ...(given?.minimumHealthyPercent !== undefined
      ? { minimumHealthyPercent: given.minimumHealthyPercent }
      : {}),
    ...(given?.alarms ? { alarms: given.alarms } : {}),
    ...strategyFields,
  };
  if (strategy === 'DAEMON' && isTrafficShifting(merged)) {
    // (impl)
    throw invalidParameter(
      `The ${merged.strategy ?? ''} deployment strategy is not supported for services with a scheduling strategy of DAEMON.`,
    );
  }
  const max = merged.maximumPercent ?? 200;
  const min = merged.minimumHealthyPercent ?? 100;
  if (!Number.isInteger(min) || min < 0 || min > 100) {
    throw invalidParameter('minimumHealthyPercent must be between 0 and 100.');
  }
  if (!Number.isInteger(max) || max < 100 || max > 200) {
    throw invalidParameter('maximumPercent must be between 100 and 200.');
  }
  if (strategy === 'DAEMON' && max !== 100) {
    throw invalidParameter(
      'The maximumPercent must be 100 for services with a scheduling strategy of DAEMON.',
    );
  }
  checkDeploymentAlarms(given?.alarms);
  return merged;
};

/** deploymentConfiguration.alarms: alarmNames (required, names), enable and rollback (booleans). */
const checkDeploymentAlarms = (alarms: DeploymentConfiguration['alarms']): void => {
  if (alarms === undefined) return;
  const names: unknown = alarms.alarmNames;
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n === ''))
    throw invalidParameter('deploymentConfiguration.alarms.alarmNames must be a list of alarm names.');
  if (alarms.enable && names.length === 0)
    throw invalidParameter(
      'deploymentConfiguration.alarms.alarmNames must name at least one alarm when enable is true.',
    );
  if (typeof alarms.enable !== 'boolean' || typeof alarms.rollback !== 'boolean')
    throw invalidParameter('deploymentConfiguration.alarms.enable and rollback must be booleans.');
};

/** Enabled deployment alarms need CloudWatch (the DeploymentAlarms port) to read their states. */
export const checkAlarmsSupported = (configuration: DeploymentConfiguration, supported: boolean): void => {
  if (configuration.alarms?.enable && !supported)
    throw unsupportedFeature('This Berth control plane has no CloudWatch alarms to watch deployments with.');
};

export const validatePlacement = (
  strategy: SchedulingStrategy,
  constraints: readonly PlacementConstraint[] | undefined,
  strategies: readonly PlacementStrategy[] | undefined,
): void => {
  if ((constraints ?? []).length > MAX_CONSTRAINTS) {
    throw invalidParameter(`The number of placement constraints exceeds the limit of ${MAX_CONSTRAINTS}.`);
  }
  if ((strategies ?? []).length > MAX_STRATEGIES) {
    throw invalidParameter(`The number of placement strategies exceeds the limit of ${MAX_STRATEGIES}.`);
  }
  if (strategy === 'DAEMON' && (strategies ?? []).length > 0) {
    throw invalidParameter('Placement strategies are not supported with the DAEMON scheduling strategy.');
  }
};

export const validateDesiredCount = (
  strategy: SchedulingStrategy,
  desiredCount: number | undefined,
): number => {
  if (strategy === 'DAEMON') {
    if (desiredCount !== undefined && desiredCount !== 0) {
      throw invalidParameter('The DAEMON scheduling strategy does not support a desired count for services.');
    }
    return 0;
  }
  if (desiredCount === undefined)
    throw invalidParameter('desiredCount is required for the REPLICA scheduling strategy.');
  if (!Number.isInteger(desiredCount) || desiredCount < 0)
    throw invalidParameter('desiredCount must be 0 or greater.');
  return desiredCount;
};

/** What Berth cannot do for services yet: a clear error instead of a silent no-op. */
export const rejectUnsupported = (request: CreateServiceRequest): void => {
  if (request.role !== undefined && (request.loadBalancers ?? []).length === 0) {
    // ECS's wording, seen on the wire (cloudposse/terraform-aws-ecs-alb-service-task#145, 2021).
    throw invalidParameter('IAM roles are only valid for services configured to use load balancers.');
  }
  if ((request.serviceRegistries ?? []).length > 0) {
    throw unsupportedFeature('Berth does not register services in Cloud Map yet.');
  }
  if (request.serviceConnectConfiguration?.enabled) {
    throw unsupportedFeature('Berth does not support Service Connect yet.');
  }
  const controller = request.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') {
    throw unsupportedFeature(
      `Berth supports the ECS and EXTERNAL deployment controllers, not ${controller}.`,
    );
  }
};

/**
 * DAEMON services run one task per container instance: not on Fargate and not by capacity
 * provider strategy (which a cluster default strategy implies unless launchType is given).
 */
export const validateDaemonTarget = (strategy: 'REPLICA' | 'DAEMON', target: LaunchTarget): void => {
  if (strategy !== 'DAEMON') return;
  if (target.strategy) {
    throw invalidParameter(
      'Specifying a capacity provider strategy is not supported when you create a service using the DAEMON scheduling strategy.',
    );
  }
  if (target.launchType === 'FARGATE') {
    // (impl) ECS documents the rule ("Tasks using the Fargate launch type ... don't support the daemon
    // scheduling strategy") but not the error text.
    throw invalidParameter('The daemon scheduling strategy is not supported with the FARGATE launch type.');
  }
};

/** The launch fields a service and its deployments show: a launch type, or a strategy. */
export const launchFieldsOf = (
  target: LaunchTarget,
): {
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  platformFamily?: string;
} => ({
  ...(target.strategy ? { capacityProviderStrategy: target.strategy.map((s) => ({ ...s })) } : {}),
  ...(target.strategy ? {} : { launchType: target.launchType }),
  ...(target.platformVersion ? { platformVersion: target.platformVersion, platformFamily: 'Linux' } : {}),
});

/** A service without its launch fields, before `launchFieldsOf` sets the new ones. */
export const withoutLaunchFields = <T extends object>(
  service: T & {
    launchType?: unknown;
    capacityProviderStrategy?: unknown;
    platformVersion?: unknown;
    platformFamily?: unknown;
  },
): Omit<T, 'launchType' | 'capacityProviderStrategy' | 'platformVersion' | 'platformFamily'> => {
  const {
    launchType: _l,
    capacityProviderStrategy: _c,
    platformVersion: _v,
    platformFamily: _f,
    ...rest
  } = service;
  return rest;
};
