/**
 * Where a rollback returns to: the deployment that last COMPLETED — its task definition and the
 * launch type or capacity provider strategy, platform version and network configuration it ran
 * with. Both the circuit breaker (a PRIMARY the scheduler creates) and StopServiceDeployment roll
 * back there. Pure.
 */
import type { ServiceDeployment, ServiceRecord } from './service-record.js';

export type LaunchFields = Pick<
  ServiceDeployment,
  | 'launchType'
  | 'capacityProviderStrategy'
  | 'platformVersion'
  | 'networkConfiguration'
  | 'alternateTargetGroups'
>;

export interface RollbackTarget {
  readonly deploymentId: string;
  readonly taskDefinitionArn: string;
  readonly launch: LaunchFields;
}

export const launchOf = (deployment: LaunchFields): LaunchFields => ({
  launchType: deployment.launchType,
  ...(deployment.capacityProviderStrategy
    ? { capacityProviderStrategy: deployment.capacityProviderStrategy }
    : {}),
  ...(deployment.platformVersion ? { platformVersion: deployment.platformVersion } : {}),
  ...(deployment.networkConfiguration ? { networkConfiguration: deployment.networkConfiguration } : {}),
  ...(deployment.alternateTargetGroups ? { alternateTargetGroups: true } : {}),
});

/** The launch fields the service itself shows (records without a kept deployment). */
const serviceLaunch = (record: ServiceRecord): LaunchFields => {
  const primary = record.deployments.find((d) => d.status === 'PRIMARY');
  if (primary) return launchOf(primary);
  const network = record.service.networkConfiguration;
  return {
    launchType: record.service.launchType ?? 'EC2',
    ...(network ? { networkConfiguration: network } : {}),
  };
};

export const rollbackTarget = (record: ServiceRecord): RollbackTarget | undefined => {
  const last = record.lastCompletedDeployment;
  if (last)
    return { deploymentId: last.id, taskDefinitionArn: last.taskDefinitionArn, launch: launchOf(last) };
  const taskDefinitionArn = record.lastCompletedTaskDefinitionArn;
  if (taskDefinitionArn === undefined) return undefined;
  const known = record.deployments.find((d) => d.taskDefinitionArn === taskDefinitionArn);
  return {
    deploymentId: known?.id ?? '',
    taskDefinitionArn,
    launch: known ? launchOf(known) : serviceLaunch(record),
  };
};

/**
 * The launch fields of a deployment the scheduler created in this reconcile (a circuit-breaker
 * rollback): the rollback target's when it returns to that target's task definition, else those
 * of the PRIMARY it replaces.
 */
export const launchForNewDeployment = (record: ServiceRecord, taskDefinitionArn: string): LaunchFields => {
  const target = rollbackTarget(record);
  return target && target.taskDefinitionArn === taskDefinitionArn ? target.launch : serviceLaunch(record);
};
