/** A new PRIMARY deployment of a service, and the service revision and deployment it records. */
import type { CreateServiceRequest } from '@berth/wire/ecs';

import type { LaunchTarget } from '../fargate/launch-target.js';
import type { IdSource } from '../service-deps.js';

import { deploymentIdFrom } from './deployment-id.js';
import { startDeployment, type ServiceHistory } from './service-history.js';
import type { ServiceDeployment } from './service-record.js';

export const newDeployment = (
  ids: IdSource,
  taskDefinitionArn: string,
  desiredCount: number,
  /** Epoch seconds. */
  now: number,
  request: {
    networkConfiguration?: CreateServiceRequest['networkConfiguration'] | undefined;
    target: LaunchTarget;
    /** Its tasks go into the load balancers' alternate target groups (target-group-sides.ts). */
    alternateTargetGroups?: boolean;
  },
): ServiceDeployment => {
  const id = deploymentIdFrom(ids.hexId());
  return {
    id,
    status: 'PRIMARY',
    taskDefinitionArn,
    desiredCount,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    failedLaunches: 0,
    nextLaunchAt: 0,
    launchType: request.target.launchType,
    ...(request.target.strategy ? { capacityProviderStrategy: request.target.strategy } : {}),
    ...(request.target.platformVersion ? { platformVersion: request.target.platformVersion } : {}),
    ...(request.networkConfiguration ? { networkConfiguration: request.networkConfiguration } : {}),
    ...(request.alternateTargetGroups ? { alternateTargetGroups: true } : {}),
  };
};

/** The service revision a deployment runs, and its service deployment, in the service's history. */
export const recordDeployment = (
  ids: IdSource,
  history: ServiceHistory,
  deployment: ServiceDeployment,
  deploymentConfiguration: CreateServiceRequest['deploymentConfiguration'],
): ServiceHistory =>
  startDeployment(history, {
    deploymentId: deployment.id,
    entryId: ids.hexId().slice(0, 21),
    revision: {
      id: deployment.id.slice('ecs-svc/'.length),
      taskDefinitionArn: deployment.taskDefinitionArn,
      launchType: deployment.launchType,
      ...(deployment.networkConfiguration ? { networkConfiguration: deployment.networkConfiguration } : {}),
      createdAt: deployment.createdAt,
    },
    ...(deploymentConfiguration ? { deploymentConfiguration } : {}),
    now: deployment.createdAt,
  });
