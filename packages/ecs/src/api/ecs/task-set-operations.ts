import type {
  CreateTaskSetRequest,
  DeleteTaskSetRequest,
  DescribeTaskSetsRequest,
  UpdateServicePrimaryTaskSetRequest,
  UpdateTaskSetRequest,
} from '@berth/wire/ecs';
import { invalidParameter } from '@berth/core';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

/** The members every task-set operation requires [M]: cluster and service, and the task set's. */
const required = (input: Record<string, unknown>, ...names: string[]): void => {
  for (const name of ['cluster', 'service', ...names]) requiredString(input, name);
};

export const taskSetOperations = ({ taskSets }: ControlPlaneServices): Record<string, Operation> => ({
  CreateTaskSet: (ctx, input) => {
    required(input, 'taskDefinition');
    return { taskSet: taskSets.create(ctx.partition, as<CreateTaskSetRequest>(input)) };
  },
  DescribeTaskSets: (ctx, input) => {
    required(input);
    return taskSets.describe(ctx.partition, as<DescribeTaskSetsRequest>(input));
  },
  UpdateTaskSet: (ctx, input) => {
    required(input, 'taskSet');
    if (input['scale'] === undefined) throw invalidParameter('scale can not be blank.');
    return { taskSet: taskSets.update(ctx.partition, as<UpdateTaskSetRequest>(input)) };
  },
  UpdateServicePrimaryTaskSet: (ctx, input) => {
    required(input, 'primaryTaskSet');
    return { taskSet: taskSets.updatePrimary(ctx.partition, as<UpdateServicePrimaryTaskSetRequest>(input)) };
  },
  DeleteTaskSet: (ctx, input) => {
    required(input, 'taskSet');
    return { taskSet: taskSets.delete(ctx.partition, as<DeleteTaskSetRequest>(input)) };
  },
});
