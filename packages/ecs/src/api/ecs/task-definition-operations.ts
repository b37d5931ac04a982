import type {
  DeleteTaskDefinitionsRequest,
  DeregisterTaskDefinitionRequest,
  DescribeTaskDefinitionRequest,
  ListTaskDefinitionFamiliesRequest,
  ListTaskDefinitionsRequest,
  RegisterTaskDefinitionRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const taskDefinitionOperations = ({
  taskDefinitions,
}: ControlPlaneServices): Record<string, Operation> => ({
  RegisterTaskDefinition: (ctx, input) =>
    taskDefinitions.register(ctx.partition, as<RegisterTaskDefinitionRequest>(input), ctx.principalArn),
  DescribeTaskDefinition: (ctx, input) => {
    const request = as<DescribeTaskDefinitionRequest>(input);
    return taskDefinitions.describe(ctx.partition, request.taskDefinition, request.include ?? []);
  },
  ListTaskDefinitions: (ctx, input) => {
    const page = taskDefinitions.list(ctx.partition, as<ListTaskDefinitionsRequest>(input));
    return { taskDefinitionArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  ListTaskDefinitionFamilies: (ctx, input) => {
    const page = taskDefinitions.listFamilies(ctx.partition, as<ListTaskDefinitionFamiliesRequest>(input));
    return { families: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DeregisterTaskDefinition: (ctx, input) => ({
    taskDefinition: taskDefinitions.deregister(
      ctx.partition,
      as<DeregisterTaskDefinitionRequest>(input).taskDefinition,
    ),
  }),
  DeleteTaskDefinitions: (ctx, input) =>
    taskDefinitions.delete(ctx.partition, as<DeleteTaskDefinitionsRequest>(input).taskDefinitions ?? []),
});
