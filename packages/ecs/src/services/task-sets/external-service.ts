/**
 * CreateService and UpdateService for the EXTERNAL deployment controller [G deployment-type-external.md;
 * M UpdateService]. Such a service holds only what is not set per task set — desired count,
 * deployment configuration, placement, health check grace period, tags and their propagation —
 * and has no deployments: its tasks come from task sets (CreateTaskSet). Its task definition,
 * launch type, platform and network configuration are its PRIMARY task set's
 * (UpdateServicePrimaryTaskSet), absent while it has none.
 */
import { invalidParameter, unsupportedFeature, type Partition } from '@berth/core';
import type { CreateServiceRequest, Service, UpdateServiceRequest } from '@berth/wire/ecs';
import type { StoreTransaction } from '@berth/store';

import { activeCluster } from '../cluster-ref.js';
import { SERVICE_KIND, type ServiceRecord } from '../ecs-services/service-record.js';
import {
  deploymentConfigurationOf,
  validateDesiredCount,
  validatePlacement,
} from '../ecs-services/service-request.js';
import { newServiceArn, newServiceFields } from '../ecs-services/new-service.js';
import { serviceView } from '../ecs-services/service-view.js';
import { validateTags } from '../tags.js';

const BREAKER_ECS_ONLY =
  'The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.';

/** What CreateService refuses for an EXTERNAL service: the parameters task sets carry. */
const rejectTaskSetParameters = (request: CreateServiceRequest): void => {
  // Seen from ECS: terraform-provider-aws#27362 (an empty taskDefinition), terraform-aws-modules/
  // terraform-aws-ecs#278 (a task definition) and aws-cdk#26335 (a network configuration).
  if (request.taskDefinition === '') throw invalidParameter('Family should not be null or empty.');
  if (request.taskDefinition !== undefined) throw invalidParameter('TaskDefinition must be blank.');
  if (request.networkConfiguration !== undefined)
    throw invalidParameter('NetworkConfiguration must be null.');
  // (impl) the same wordings for the other task-set parameters.
  if (request.launchType !== undefined) throw invalidParameter('LaunchType must be blank.');
  if (request.platformVersion !== undefined) throw invalidParameter('PlatformVersion must be blank.');
  if ((request.capacityProviderStrategy ?? []).length > 0)
    throw invalidParameter('CapacityProviderStrategy must be null.');
  if ((request.loadBalancers ?? []).length > 0) throw invalidParameter('LoadBalancers must be null.');
  if ((request.serviceRegistries ?? []).length > 0) throw invalidParameter('ServiceRegistries must be null.');
};

export const createExternalService = (
  tx: StoreTransaction,
  partition: Partition,
  name: string,
  request: CreateServiceRequest,
  now: number,
  createdBy: string,
): Service => {
  rejectTaskSetParameters(request);
  if (request.serviceConnectConfiguration?.enabled) {
    throw unsupportedFeature('Berth does not support Service Connect yet.');
  }
  if (request.schedulingStrategy !== undefined && request.schedulingStrategy !== 'REPLICA') {
    // (impl) "Services using an external deployment controller support only the REPLICA scheduling strategy." [G]
    throw invalidParameter(
      'Services using the EXTERNAL deployment controller support only the REPLICA scheduling strategy.',
    );
  }
  if (request.deploymentConfiguration?.deploymentCircuitBreaker?.enable)
    throw invalidParameter(BREAKER_ECS_ONLY);
  if (request.deploymentConfiguration?.alarms?.enable)
    // [M DeploymentAlarms] alarms detect failures only with the ECS deployment controller.
    throw invalidParameter('Deployment alarms are supported only with the ECS deployment controller.');
  // "The only required parameter is the service name." [G deployment-type-external.md]
  const desiredCount = validateDesiredCount('REPLICA', request.desiredCount ?? 0);
  const deploymentConfiguration = deploymentConfigurationOf('REPLICA', request.deploymentConfiguration);
  validatePlacement('REPLICA', request.placementConstraints, request.placementStrategy);
  const tags = validateTags(request.tags);
  const cluster = activeCluster(tx, partition, request.cluster);
  const clusterArn = cluster.cluster.clusterArn ?? '';
  const arn = newServiceArn(tx, partition, clusterArn, name);
  const record: ServiceRecord = {
    clusterArn,
    service: newServiceFields({
      arn,
      name,
      clusterArn,
      request,
      desiredCount,
      deploymentConfiguration,
      schedulingStrategy: 'REPLICA',
      deploymentController: 'EXTERNAL',
      createdBy,
      now,
    }),
    tags,
    deployments: [],
    events: [],
  };
  tx.put(SERVICE_KIND, arn, clusterArn, record);
  return serviceView(tx, record, ['TAGS']);
};

/**
 * "For services using an external deployment controller, you can update only the desired count,
 * task placement constraints and strategies, health check grace period, enable ECS managed tags
 * option, and propagate tags option" [M UpdateService]. (impl) The refusals are worded after ECS's
 * CODE_DEPLOY one ("Unable to update task definition on services with a CODE_DEPLOY deployment
 * controller. Use AWS CodeDeploy to trigger a new deployment.").
 */
const rejectNonExternalUpdates = (request: UpdateServiceRequest): void => {
  const unable = (what: string, taskSetLevel: boolean): never => {
    throw invalidParameter(
      `Unable to update ${what} on services with a EXTERNAL deployment controller.${
        taskSetLevel ? ' Use CreateTaskSet to create a task set with the new value.' : ''
      }`,
    );
  };
  if (request.taskDefinition !== undefined) unable('task definition', true);
  if (request.networkConfiguration !== undefined) unable('network configuration', true);
  if (request.platformVersion !== undefined) unable('platform version', true);
  if ((request.capacityProviderStrategy ?? []).length > 0) unable('capacity provider strategy', true);
  if ((request.loadBalancers ?? []).length > 0) unable('load balancers', true);
  if ((request.serviceRegistries ?? []).length > 0) unable('service registries', true);
  if (request.forceNewDeployment === true) unable('the deployment (forceNewDeployment)', true);
  if (request.deploymentConfiguration !== undefined) unable('deployment configuration', false);
  if (request.enableExecuteCommand !== undefined) unable('execute command', false);
  if (request.serviceConnectConfiguration !== undefined) unable('Service Connect', false);
};

export const updateExternalService = (
  tx: StoreTransaction,
  record: ServiceRecord,
  request: UpdateServiceRequest,
): Service => {
  rejectNonExternalUpdates(request);
  const desiredCount =
    request.desiredCount !== undefined
      ? validateDesiredCount('REPLICA', request.desiredCount)
      : (record.service.desiredCount ?? 0);
  validatePlacement('REPLICA', request.placementConstraints, request.placementStrategy);
  const updated: ServiceRecord = {
    ...record,
    service: {
      ...record.service,
      desiredCount,
      ...(request.placementConstraints ? { placementConstraints: request.placementConstraints } : {}),
      ...(request.placementStrategy ? { placementStrategy: request.placementStrategy } : {}),
      ...(request.healthCheckGracePeriodSeconds !== undefined
        ? { healthCheckGracePeriodSeconds: request.healthCheckGracePeriodSeconds }
        : {}),
      ...(request.enableECSManagedTags !== undefined
        ? { enableECSManagedTags: request.enableECSManagedTags }
        : {}),
      ...(request.propagateTags !== undefined ? { propagateTags: request.propagateTags } : {}),
    },
  };
  tx.put(SERVICE_KIND, record.service.serviceArn ?? '', record.clusterArn, updated);
  return serviceView(tx, updated, []);
};
