import type {
  DeregisterContainerInstanceRequest,
  DescribeContainerInstancesRequest,
  ListContainerInstancesRequest,
  RegisterContainerInstanceRequest,
  UpdateContainerInstancesStateRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const containerInstanceOperations = ({
  containerInstances,
}: ControlPlaneServices): Record<string, Operation> => ({
  RegisterContainerInstance: (ctx, input) => ({
    containerInstance: containerInstances.register(
      ctx.partition,
      as<RegisterContainerInstanceRequest>(input),
    ),
  }),
  DeregisterContainerInstance: (ctx, input) => {
    const request = as<DeregisterContainerInstanceRequest>(input);
    return {
      containerInstance: containerInstances.deregister(
        ctx.partition,
        request.cluster,
        request.containerInstance,
        request.force ?? false,
      ),
    };
  },
  DescribeContainerInstances: (ctx, input) => {
    const request = as<DescribeContainerInstancesRequest>(input);
    return containerInstances.describe(
      ctx.partition,
      request.cluster,
      request.containerInstances ?? [],
      request.include ?? [],
    );
  },
  ListContainerInstances: (ctx, input) => {
    const page = containerInstances.list(ctx.partition, as<ListContainerInstancesRequest>(input));
    return { containerInstanceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  UpdateContainerInstancesState: (ctx, input) => {
    const request = as<UpdateContainerInstancesStateRequest>(input);
    return containerInstances.updateState(
      ctx.partition,
      request.cluster,
      request.containerInstances ?? [],
      request.status,
    );
  },
});
