/** Log stream and event handlers: streams, PutLogEvents, GetLogEvents, FilterLogEvents. */
import type { Operation } from '@berth/gateway';
import type {
  CreateLogStreamRequest,
  DeleteLogStreamRequest,
  DescribeLogStreamsRequest,
  DescribeLogStreamsResponse,
  FilterLogEventsRequest,
  GetLogEventsRequest,
  PutLogEventsRequest,
} from '@berth/wire/logs';

import { groupNameOf } from '../services/log-names.js';

import { as, nextToken } from './input.js';
import type { LogsServices } from './logs-services.js';

export const logStreamOperations = ({ streams, events }: LogsServices): Record<string, Operation> => ({
  CreateLogStream: async (ctx, input) => {
    const request = as<CreateLogStreamRequest>(input);
    await streams.create(ctx.partition, request.logGroupName, request.logStreamName);
    return {};
  },
  DeleteLogStream: async (ctx, input) => {
    const request = as<DeleteLogStreamRequest>(input);
    await streams.delete(ctx.partition, request.logGroupName, request.logStreamName);
    return {};
  },
  DescribeLogStreams: async (ctx, input): Promise<DescribeLogStreamsResponse> => {
    const request = as<DescribeLogStreamsRequest>(input);
    const page = await streams.describe(ctx.partition, groupNameOf(request), request);
    return { logStreams: page.items, ...nextToken(page) };
  },
  PutLogEvents: (ctx, input) => events.put(ctx.partition, as<PutLogEventsRequest>(input)),
  GetLogEvents: (ctx, input) => events.get(ctx.partition, as<GetLogEventsRequest>(input)),
  FilterLogEvents: (ctx, input) => events.filter(ctx.partition, as<FilterLogEventsRequest>(input)),
});
