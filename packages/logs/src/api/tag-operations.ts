/**
 * Tag handlers: TagResource/UntagResource/ListTagsForResource (by log group ARN, with or without
 * the trailing `:*`) and the older TagLogGroup/UntagLogGroup/ListTagsLogGroup (by name). An ARN
 * of another account or region names a group the caller does not have.
 */
import type { Partition } from '@berth/core';
import type { Operation } from '@berth/gateway';
import type {
  ListTagsForResourceRequest,
  ListTagsLogGroupRequest,
  TagLogGroupRequest,
  TagResourceRequest,
  UntagLogGroupRequest,
  UntagResourceRequest,
} from '@berth/wire/logs';

import { parseLogGroupArn } from '../services/log-arns.js';
import { logGroupNotFound } from '../services/logs-errors.js';

import { as } from './input.js';
import type { LogsServices } from './logs-services.js';

/** The name of the caller's group an ARN names. */
const groupOfArn = (partition: Partition, arn: unknown): string => {
  const { scope, name } = parseLogGroupArn(arn);
  if (scope.accountId !== partition.accountId || scope.region !== partition.region) throw logGroupNotFound();
  return name;
};

export const tagOperations = ({ groups }: LogsServices): Record<string, Operation> => ({
  TagResource: async (ctx, input) => {
    const request = as<TagResourceRequest>(input);
    await groups.tag(ctx.partition, groupOfArn(ctx.partition, request.resourceArn), request.tags);
    return {};
  },
  UntagResource: async (ctx, input) => {
    const request = as<UntagResourceRequest>(input);
    await groups.untag(ctx.partition, groupOfArn(ctx.partition, request.resourceArn), request.tagKeys);
    return {};
  },
  ListTagsForResource: async (ctx, input) => ({
    tags: await groups.tags(
      ctx.partition,
      groupOfArn(ctx.partition, as<ListTagsForResourceRequest>(input).resourceArn),
    ),
  }),
  TagLogGroup: async (ctx, input) => {
    const request = as<TagLogGroupRequest>(input);
    await groups.tag(ctx.partition, request.logGroupName, request.tags);
    return {};
  },
  UntagLogGroup: async (ctx, input) => {
    const request = as<UntagLogGroupRequest>(input);
    await groups.untag(ctx.partition, request.logGroupName, request.tags);
    return {};
  },
  ListTagsLogGroup: async (ctx, input) => ({
    tags: await groups.tags(ctx.partition, as<ListTagsLogGroupRequest>(input).logGroupName),
  }),
});
