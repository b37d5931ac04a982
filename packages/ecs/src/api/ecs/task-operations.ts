import type {
  DescribeTasksRequest,
  ListTasksRequest,
  RunTaskRequest,
  StartTaskRequest,
  StopTaskRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

export const taskOperations = ({ tasks, queries }: ControlPlaneServices): Record<string, Operation> => ({
  RunTask: (ctx, input) => tasks.run(ctx.partition, as<RunTaskRequest>(input), ctx.principalArn),
  StartTask: (ctx, input) => tasks.start(ctx.partition, as<StartTaskRequest>(input), ctx.principalArn),
  StopTask: (ctx, input) => {
    const request = as<StopTaskRequest>(input);
    return {
      task: tasks.stop(ctx.partition, request.cluster, requiredString(input, 'task'), request.reason),
    };
  },
  DescribeTasks: (ctx, input) => {
    const request = as<DescribeTasksRequest>(input);
    return queries.describeTasks(ctx.partition, request.cluster, request.tasks ?? [], request.include ?? []);
  },
  ListTasks: (ctx, input) => {
    const page = queries.listTasks(ctx.partition, as<ListTasksRequest>(input));
    return { taskArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
