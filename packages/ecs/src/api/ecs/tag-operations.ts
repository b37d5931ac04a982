import type { ListTagsForResourceRequest, TagResourceRequest, UntagResourceRequest } from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

export const tagOperations = ({ tags }: ControlPlaneServices): Record<string, Operation> => ({
  ListTagsForResource: (ctx, input) => ({
    tags: tags.list(
      ctx.partition,
      requiredString(as<ListTagsForResourceRequest & Record<string, unknown>>(input), 'resourceArn'),
    ),
  }),
  TagResource: (ctx, input) => {
    tags.tag(ctx.partition, requiredString(input, 'resourceArn'), as<TagResourceRequest>(input).tags ?? []);
    return {};
  },
  UntagResource: (ctx, input) => {
    tags.untag(
      ctx.partition,
      requiredString(input, 'resourceArn'),
      as<UntagResourceRequest>(input).tagKeys ?? [],
    );
    return {};
  },
});
