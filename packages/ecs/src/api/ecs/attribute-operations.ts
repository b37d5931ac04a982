import type { DeleteAttributesRequest, ListAttributesRequest, PutAttributesRequest } from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const attributeOperations = ({ attributes }: ControlPlaneServices): Record<string, Operation> => ({
  PutAttributes: (ctx, input) => {
    const request = as<PutAttributesRequest>(input);
    return { attributes: attributes.put(ctx.partition, request.cluster, request.attributes ?? []) };
  },
  DeleteAttributes: (ctx, input) => {
    const request = as<DeleteAttributesRequest>(input);
    return { attributes: attributes.delete(ctx.partition, request.cluster, request.attributes ?? []) };
  },
  ListAttributes: (ctx, input) => {
    const page = attributes.list(ctx.partition, as<ListAttributesRequest>(input));
    return { attributes: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
