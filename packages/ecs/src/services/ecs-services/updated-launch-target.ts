/** UpdateService may move a service to another capacity provider strategy or platform version. */
import type { Partition } from '@berth/core';
import type { UpdateServiceRequest } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { activeCluster } from '../cluster-ref.js';
import { resolveLaunchTarget, type LaunchTarget } from '../fargate/launch-target.js';

import type { ServiceRecord } from './service-record.js';
import { schedulingStrategyOf, validateDaemonTarget } from './service-request.js';

export const updatedLaunchTarget = (
  reader: StoreReader,
  partition: Partition,
  record: ServiceRecord,
  current: LaunchTarget,
  request: UpdateServiceRequest,
): LaunchTarget => {
  const strategy =
    (request.capacityProviderStrategy ?? []).length > 0 ? request.capacityProviderStrategy : undefined;
  if (!strategy && request.platformVersion === undefined) return current;
  const cluster = activeCluster(reader, partition, record.clusterArn).cluster;
  const capacityProviderStrategy = strategy ?? current.strategy;
  const target = resolveLaunchTarget(
    {
      ...(capacityProviderStrategy ? { capacityProviderStrategy } : { launchType: current.launchType }),
      platformVersion: request.platformVersion ?? current.platformVersion,
    },
    cluster,
  );
  validateDaemonTarget(schedulingStrategyOf(record.service.schedulingStrategy), target);
  return target;
};
