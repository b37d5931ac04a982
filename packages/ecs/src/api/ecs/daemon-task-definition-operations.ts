import type { ListDaemonTaskDefinitionsRequest, RegisterDaemonTaskDefinitionRequest } from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const daemonTaskDefinitionOperations = ({
  daemonTaskDefinitions,
}: ControlPlaneServices): Record<string, Operation> => ({
  RegisterDaemonTaskDefinition: (ctx, input) =>
    daemonTaskDefinitions.register(
      ctx.partition,
      as<RegisterDaemonTaskDefinitionRequest>(input),
      ctx.principalArn,
    ),
  DescribeDaemonTaskDefinition: (ctx, input) =>
    daemonTaskDefinitions.describe(ctx.partition, input.daemonTaskDefinition),
  ListDaemonTaskDefinitions: (ctx, input) => {
    const page = daemonTaskDefinitions.list(ctx.partition, as<ListDaemonTaskDefinitionsRequest>(input));
    return { daemonTaskDefinitions: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DeleteDaemonTaskDefinition: (ctx, input) =>
    daemonTaskDefinitions.delete(ctx.partition, input.daemonTaskDefinition),
});
