/**
 * What other packages call on ECS: Application Auto Scaling reads a service's capacity and sets
 * its desired count. The count goes through UpdateService, so the service scales through its usual
 * events and deployment behaviour; nothing here writes ECS records itself.
 */
import { ApiError, type Partition } from '@berth/core';
import type { Service } from '@berth/wire/ecs';

import type { ServicesService } from './services/ecs-services/services-service.js';

export interface ServiceCapacity {
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly pendingCount: number;
  /** A deployment other than the primary one is still live (AWS suspends scale-in meanwhile). */
  readonly deploying: boolean;
}

export interface EcsUseCases {
  /** The service's counts; ServiceNotFoundException/ClusterNotFoundException as DescribeServices would. */
  serviceDesiredCount(partition: Partition, cluster: string, service: string): ServiceCapacity;
  /** UpdateService with only `desiredCount`; answers the counts the update leaves. */
  setServiceDesiredCount(
    partition: Partition,
    cluster: string,
    service: string,
    count: number,
  ): ServiceCapacity;
}

const capacityOf = (service: Service): ServiceCapacity => ({
  desiredCount: service.desiredCount ?? 0,
  runningCount: service.runningCount ?? 0,
  pendingCount: service.pendingCount ?? 0,
  deploying: (service.deployments ?? []).some((d) => d.status !== 'PRIMARY'),
});

export const ecsUseCases = (services: ServicesService): EcsUseCases => ({
  serviceDesiredCount: (partition, cluster, service) => {
    const { services: found, failures } = services.describe(partition, cluster, [service], []);
    const view = found[0];
    if (!view || failures.length > 0 || view.status === 'INACTIVE') {
      throw new ApiError('ServiceNotFoundException', 'Service not found.');
    }
    return capacityOf(view);
  },
  setServiceDesiredCount: (partition, cluster, service, count) =>
    capacityOf(services.update(partition, { cluster, service, desiredCount: count })),
});
