/** What every CreateService writes, whatever the deployment controller: the ARN and common fields. */
import { invalidParameter, serviceArn, type Partition } from '@berth/core';
import type { CreateServiceRequest, DeploymentConfiguration, Service } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { clusterNameOf } from '../cluster-ref.js';

import { SERVICE_KIND, type ServiceRecord } from './service-record.js';

/** The new service's ARN; ECS refuses a name still taken by a service that is not INACTIVE. */
export const newServiceArn = (
  reader: StoreReader,
  partition: Partition,
  clusterArn: string,
  name: string,
): string => {
  const arn = serviceArn(partition, clusterNameOf(clusterArn), name);
  const existing = reader.get<ServiceRecord>(SERVICE_KIND, arn);
  if (existing && existing.service.status !== 'INACTIVE') {
    throw invalidParameter('Creation of service was not idempotent.');
  }
  return arn;
};

export interface NewServiceInput {
  readonly arn: string;
  readonly name: string;
  readonly clusterArn: string;
  readonly request: CreateServiceRequest;
  readonly desiredCount: number;
  readonly deploymentConfiguration: DeploymentConfiguration;
  readonly schedulingStrategy: 'REPLICA' | 'DAEMON';
  readonly deploymentController: 'ECS' | 'EXTERNAL';
  readonly createdBy: string;
  /** Epoch seconds. */
  readonly now: number;
}

/** The fields of the wire service both controllers share (launch fields and task definition aside). */
export const newServiceFields = (input: NewServiceInput): Service => {
  const { request } = input;
  return {
    serviceArn: input.arn,
    serviceName: input.name,
    clusterArn: input.clusterArn,
    loadBalancers: [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: input.desiredCount,
    deploymentConfiguration: input.deploymentConfiguration,
    createdAt: input.now,
    placementConstraints: request.placementConstraints ?? [],
    placementStrategy: request.placementStrategy ?? [],
    healthCheckGracePeriodSeconds: request.healthCheckGracePeriodSeconds ?? 0,
    schedulingStrategy: input.schedulingStrategy,
    deploymentController: { type: input.deploymentController },
    createdBy: input.createdBy,
    enableECSManagedTags: request.enableECSManagedTags ?? false,
    propagateTags: request.propagateTags ?? 'NONE',
    enableExecuteCommand: request.enableExecuteCommand ?? false,
  };
};
