import type {
  CreateServiceRequest,
  DeleteServiceRequest,
  DescribeServicesRequest,
  ListServiceDeploymentsRequest,
  ListServicesRequest,
  UpdateServiceRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

export const serviceOperations = ({
  ecsServices,
  queries,
}: ControlPlaneServices): Record<string, Operation> => ({
  CreateService: (ctx, input) => ({
    service: ecsServices.create(ctx.partition, as<CreateServiceRequest>(input)),
  }),
  UpdateService: (ctx, input) => {
    requiredString(input, 'service');
    return { service: ecsServices.update(ctx.partition, as<UpdateServiceRequest>(input)) };
  },
  DeleteService: (ctx, input) => {
    const request = as<DeleteServiceRequest>(input);
    return {
      service: ecsServices.delete(
        ctx.partition,
        request.cluster,
        requiredString(input, 'service'),
        request.force ?? false,
      ),
    };
  },
  DescribeServices: (ctx, input) => {
    const request = as<DescribeServicesRequest>(input);
    return ecsServices.describe(
      ctx.partition,
      request.cluster,
      request.services ?? [],
      request.include ?? [],
    );
  },
  ListServices: (ctx, input) => {
    const page = ecsServices.list(ctx.partition, as<ListServicesRequest>(input));
    return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  ListServiceDeployments: (ctx, input) => {
    requiredString(input, 'service');
    const page = queries.listServiceDeployments(ctx.partition, as<ListServiceDeploymentsRequest>(input));
    return { serviceDeployments: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DescribeServiceDeployments: (ctx, input) =>
    queries.describeServiceDeployments(
      ctx.partition,
      as<{ serviceDeploymentArns?: string[] }>(input).serviceDeploymentArns ?? [],
    ),
  DescribeServiceRevisions: (ctx, input) =>
    queries.describeServiceRevisions(
      ctx.partition,
      as<{ serviceRevisionArns?: string[] }>(input).serviceRevisionArns ?? [],
    ),
});
