/** Log group handlers: Create/Delete/Describe/ListLogGroups and the retention policy. */
import type { Operation } from '@berth/gateway';
import type {
  CreateLogGroupRequest,
  DeleteLogGroupRequest,
  DeleteRetentionPolicyRequest,
  DescribeLogGroupsRequest,
  DescribeLogGroupsResponse,
  ListLogGroupsRequest,
  ListLogGroupsResponse,
  PutRetentionPolicyRequest,
} from '@berth/wire/logs';

import { as, nextToken } from './input.js';
import type { LogsServices } from './logs-services.js';

export const logGroupOperations = ({ groups }: LogsServices): Record<string, Operation> => ({
  CreateLogGroup: async (ctx, input) => {
    await groups.create(ctx.partition, as<CreateLogGroupRequest>(input));
    return {};
  },
  DeleteLogGroup: async (ctx, input) => {
    await groups.delete(ctx.partition, as<DeleteLogGroupRequest>(input).logGroupName);
    return {};
  },
  DescribeLogGroups: async (ctx, input): Promise<DescribeLogGroupsResponse> => {
    const page = await groups.describe(ctx.partition, as<DescribeLogGroupsRequest>(input));
    return { logGroups: page.items, ...nextToken(page) };
  },
  ListLogGroups: async (ctx, input): Promise<ListLogGroupsResponse> => {
    const page = await groups.list(ctx.partition, as<ListLogGroupsRequest>(input));
    return { logGroups: page.items, ...nextToken(page) };
  },
  PutRetentionPolicy: async (ctx, input) => {
    const request = as<PutRetentionPolicyRequest>(input);
    await groups.putRetention(ctx.partition, request.logGroupName, request.retentionInDays);
    return {};
  },
  DeleteRetentionPolicy: async (ctx, input) => {
    await groups.deleteRetention(ctx.partition, as<DeleteRetentionPolicyRequest>(input).logGroupName);
    return {};
  },
});
