import type {
  CreateDaemonRequest,
  ListDaemonDeploymentsRequest,
  ListDaemonsRequest,
  UpdateDaemonRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const daemonOperations = ({ daemons, queries }: ControlPlaneServices): Record<string, Operation> => ({
  CreateDaemon: (ctx, input) => daemons.create(ctx.partition, as<CreateDaemonRequest>(input)),
  UpdateDaemon: (ctx, input) => daemons.update(ctx.partition, as<UpdateDaemonRequest>(input)),
  DeleteDaemon: (ctx, input) => daemons.delete(ctx.partition, input.daemonArn),
  DescribeDaemon: (ctx, input) => queries.describeDaemon(ctx.partition, input.daemonArn),
  ListDaemons: (ctx, input) => {
    const page = queries.listDaemons(ctx.partition, as<ListDaemonsRequest>(input));
    return { daemonSummariesList: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DescribeDaemonDeployments: (ctx, input) =>
    queries.describeDaemonDeployments(ctx.partition, input.daemonDeploymentArns),
  ListDaemonDeployments: (ctx, input) => {
    const page = queries.listDaemonDeployments(ctx.partition, as<ListDaemonDeploymentsRequest>(input));
    return { daemonDeployments: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DescribeDaemonRevisions: (ctx, input) =>
    queries.describeDaemonRevisions(ctx.partition, input.daemonRevisionArns),
});
