/** Log streams: create, describe (by name or last event time, paged) and delete. */
import type { LogScope, LogStreamRecord } from '@berth/telemetry';
import type { LogStream } from '@berth/wire/logs';

import { logStreamArn } from './log-arns.js';
import type { Page } from './log-groups-service.js';
import { checkGroupName, checkLimit, checkStreamName } from './log-names.js';
import {
  constraintError,
  invalidParameter,
  logGroupNotFound,
  logStreamExists,
  logStreamNotFound,
} from './logs-errors.js';
import { decodePageToken, encodePageToken } from './page-tokens.js';
import type { ServiceDeps } from './service-deps.js';

export interface DescribeLogStreamsQuery {
  readonly logStreamNamePrefix?: string;
  readonly orderBy?: string;
  readonly descending?: boolean;
  readonly limit?: number;
  readonly nextToken?: string;
}

const ORDERS = ['LogStreamName', 'LastEventTime'];

/**
 * A stream as DescribeLogStreams shows it. storedBytes is always 0: CloudWatch Logs stopped
 * reporting it for streams in 2019 (the group's storedBytes counts them).
 */
export const logStreamView = (scope: LogScope, group: string, stream: LogStreamRecord): LogStream => ({
  logStreamName: stream.name,
  creationTime: stream.creationTime,
  ...(stream.firstEventTimestamp !== undefined ? { firstEventTimestamp: stream.firstEventTimestamp } : {}),
  ...(stream.lastEventTimestamp !== undefined ? { lastEventTimestamp: stream.lastEventTimestamp } : {}),
  ...(stream.lastIngestionTime !== undefined ? { lastIngestionTime: stream.lastIngestionTime } : {}),
  arn: logStreamArn(scope, group, stream.name),
  storedBytes: 0,
});

export class LogStreamsService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(scope: LogScope, groupName: string, streamName: string): Promise<void> {
    const group = checkGroupName(groupName);
    const name = checkStreamName(streamName);
    const outcome = await this.deps.store.createStream(scope, group, { name, creationTime: this.deps.now() });
    if (outcome === 'no-group') throw logGroupNotFound();
    if (outcome === 'exists') throw logStreamExists();
  }

  async delete(scope: LogScope, groupName: string, streamName: string): Promise<void> {
    const group = checkGroupName(groupName);
    const name = checkStreamName(streamName);
    if (await this.deps.store.deleteStream(scope, group, name)) return;
    throw (await this.deps.store.getGroup(scope, group)) ? logStreamNotFound() : logGroupNotFound();
  }

  /** The stream, or ResourceNotFoundException naming what is missing. */
  async get(scope: LogScope, groupName: string, streamName: string): Promise<LogStreamRecord> {
    const stream = await this.deps.store.getStream(scope, groupName, checkStreamName(streamName));
    if (stream) return stream;
    throw (await this.deps.store.getGroup(scope, groupName)) ? logStreamNotFound() : logGroupNotFound();
  }

  async describe(
    scope: LogScope,
    groupName: string,
    query: DescribeLogStreamsQuery,
  ): Promise<Page<LogStream>> {
    const orderBy = query.orderBy ?? 'LogStreamName';
    if (!ORDERS.includes(orderBy)) {
      throw constraintError(orderBy, 'orderBy', `Member must satisfy enum value set: [${ORDERS.join(', ')}]`);
    }
    if (orderBy === 'LastEventTime' && query.logStreamNamePrefix !== undefined) {
      throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const limit = checkLimit(query.limit, 50);
    const after = decodePageToken<{ name: string; lastEventTimestamp: number }>(query.nextToken, {
      name: 'string',
      lastEventTimestamp: 'number',
    });
    if (!(await this.deps.store.getGroup(scope, groupName))) throw logGroupNotFound();
    const streams = await this.deps.store.listStreams(scope, groupName, {
      ...(query.logStreamNamePrefix !== undefined ? { namePrefix: query.logStreamNamePrefix } : {}),
      orderBy: orderBy === 'LogStreamName' ? 'name' : 'lastEventTime',
      descending: query.descending ?? false,
      ...(after ? { after } : {}),
      limit: limit + 1,
    });
    const items = streams.slice(0, limit);
    const last = items[items.length - 1];
    const views = items.map((s) => logStreamView(scope, groupName, s));
    if (streams.length <= limit || !last) return { items: views };
    return {
      items: views,
      nextToken: encodePageToken({ name: last.name, lastEventTimestamp: last.lastEventTimestamp ?? 0 }),
    };
  }
}
