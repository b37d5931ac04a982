/**
 * What the control plane keeps of a service. Running and pending counts (of the service and of
 * each deployment) are derived from its tasks at read time; deployments, events and the
 * configuration are stored.
 */
import type { NetworkConfiguration, Service, Tag } from '@berth/wire/ecs';
import type { DeploymentState, StrategyItem } from '@berth/scheduler';

import { KIND } from '../records.js';

import type { ServiceHistory } from './service-history.js';

export const SERVICE_KIND = KIND.service;

export interface ServiceDeployment extends DeploymentState {
  /** 'EC2' or 'FARGATE'; with a capacity provider strategy, the launch type its providers give. */
  readonly launchType: string;
  readonly capacityProviderStrategy?: readonly StrategyItem[];
  /** FARGATE: the platform version asked for (LATEST unless given). */
  readonly platformVersion?: string;
  readonly networkConfiguration?: NetworkConfiguration;
  /**
   * Behind load balancers with an advancedConfiguration: the deployment's tasks go into each
   * entry's alternate target group instead of its targetGroupArn (blue and green take turns).
   */
  readonly alternateTargetGroups?: boolean;
}

export interface ServiceEvent {
  readonly id: string;
  readonly createdAt: number;
  readonly message: string;
}

export interface ServiceRecord {
  readonly clusterArn: string;
  /** The wire service without runningCount, pendingCount, deployments and events. */
  readonly service: Service;
  readonly tags: readonly Tag[];
  readonly deployments: readonly ServiceDeployment[];
  /** Newest first, at most 100. */
  readonly events: readonly ServiceEvent[];
  /** The task definition of the last deployment that COMPLETED: where a rollback goes. */
  readonly lastCompletedTaskDefinitionArn?: string;
  /**
   * That deployment itself, with its launch type or capacity provider strategy, platform version
   * and network configuration: a rollback (circuit breaker or StopServiceDeployment) returns to all
   * of them. Absent on records written before it was kept.
   */
  readonly lastCompletedDeployment?: ServiceDeployment;
  /** Service revisions and service deployments, newest first (ListServiceDeployments and friends). */
  readonly history?: ServiceHistory;
}

export const serviceGroup = (serviceName: string): string => `service:${serviceName}`;

/** The ARN of the service a task of `clusterArn` belongs to by its group, if it is a service task. */
export const serviceArnOfGroup = (clusterArn: string, group: string | undefined): string | undefined =>
  group?.startsWith('service:')
    ? `${clusterArn.replace(':cluster/', ':service/')}/${group.slice('service:'.length)}`
    : undefined;
