/** CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider, DeleteCapacityProvider. */
import type {
  CreateCapacityProviderRequest,
  DescribeCapacityProvidersRequest,
  UpdateCapacityProviderRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

export const capacityProviderOperations = ({
  capacityProviders,
}: ControlPlaneServices): Record<string, Operation> => ({
  CreateCapacityProvider: (ctx, input) => ({
    capacityProvider: capacityProviders.create(ctx.partition, as<CreateCapacityProviderRequest>(input)),
  }),
  DescribeCapacityProviders: (ctx, input) =>
    capacityProviders.describe(ctx.partition, as<DescribeCapacityProvidersRequest>(input)),
  UpdateCapacityProvider: (ctx, input) => ({
    capacityProvider: capacityProviders.update(ctx.partition, as<UpdateCapacityProviderRequest>(input)),
  }),
  DeleteCapacityProvider: (ctx, input) => ({
    capacityProvider: capacityProviders.delete(ctx.partition, requiredString(input, 'capacityProvider')),
  }),
});
