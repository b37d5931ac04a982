/** Log events: PutLogEvents (batch rules), GetLogEvents (stream tokens) and FilterLogEvents. */
import type { LogScope } from '@berth/telemetry';
import type {
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  GetLogEventsRequest,
  GetLogEventsResponse,
  PutLogEventsRequest,
  PutLogEventsResponse,
} from '@berth/wire/logs';

import { compileFilterPattern, InvalidFilterPatternError } from '../filter-pattern/compile-filter-pattern.js';
import type { LogStreamsService } from '../log-streams-service.js';
import { checkGroupName, checkLimit, checkStreamName, groupNameOf } from '../log-names.js';
import { invalidParameter, logGroupNotFound } from '../logs-errors.js';
import { decodePageToken, encodePageToken } from '../page-tokens.js';
import type { MetricFiltersService } from '../metric-filters/metric-filters-service.js';
import type { ServiceDeps } from '../service-deps.js';

import { eventBytes, judgeBatch, MAX_BATCH_BYTES } from './put-batch-rules.js';
import { decodeStreamToken, encodeStreamToken, positionDigits, STREAM_START } from './stream-tokens.js';

const MAX_EVENTS_PER_READ = 10_000;
/** FilterLogEvents reads a group this many events at a time… */
const SCAN_PAGE = 1_000;
/** …and answers a partial page with a nextToken after scanning this many without filling it. */
const SCAN_BUDGET = 100_000;

/** The longest run of events, from the start or the end, within one 1 MB page. */
const withinPage = <T extends { readonly message: string }>(events: T[], fromEnd: boolean): T[] => {
  const ordered = fromEnd ? [...events].reverse() : events;
  let bytes = 0;
  const kept = ordered.findIndex((event) => (bytes += eventBytes(event.message)) > MAX_BATCH_BYTES);
  const page = kept === -1 ? ordered : ordered.slice(0, kept);
  return fromEnd ? page.reverse() : page;
};

const compiledPattern = (pattern: string | undefined): ((message: string) => boolean) => {
  try {
    return compileFilterPattern(pattern ?? '');
  } catch (error) {
    if (error instanceof InvalidFilterPatternError) throw invalidParameter('Invalid filter pattern');
    throw error;
  }
};

export class LogEventsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly streams: LogStreamsService,
    private readonly metricFilters: MetricFiltersService,
  ) {}

  async put(scope: LogScope, request: PutLogEventsRequest): Promise<PutLogEventsResponse> {
    const groupName = checkGroupName(request.logGroupName);
    const streamName = checkStreamName(request.logStreamName);
    const group = await this.deps.store.getGroup(scope, groupName);
    if (!group) throw logGroupNotFound();
    await this.streams.get(scope, groupName, streamName);
    const now = this.deps.now();
    const events = Array.isArray(request.logEvents) ? request.logEvents : [];
    const verdict = judgeBatch(events, now, group.retentionInDays);
    const accepted = verdict.accepted.map((i) => events[i]!);
    const outcome = await this.deps.store.appendEvents(scope, groupName, streamName, accepted, now);
    if (!outcome) await this.streams.get(scope, groupName, streamName);
    // The one ingestion point (the API and the agent's shipping both come here): metric filters.
    await this.metricFilters.publish(scope, groupName, accepted);
    return {
      nextSequenceToken: String(outcome?.lastSeq ?? 0).padStart(56, '0'),
      ...(verdict.rejected ? { rejectedLogEventsInfo: verdict.rejected } : {}),
    };
  }

  async get(scope: LogScope, request: GetLogEventsRequest): Promise<GetLogEventsResponse> {
    const groupName = groupNameOf(request);
    const streamName = checkStreamName(request.logStreamName);
    const limit = checkLimit(request.limit, MAX_EVENTS_PER_READ);
    const token = request.nextToken !== undefined ? decodeStreamToken(request.nextToken) : undefined;
    await this.streams.get(scope, groupName, streamName);
    const direction = token?.direction ?? (request.startFromHead === true ? 'forward' : 'backward');
    const read = await this.deps.store.readStream(scope, groupName, streamName, {
      ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
      ...(request.endTime !== undefined ? { endTime: request.endTime } : {}),
      direction,
      ...(token ? { from: token.position } : {}),
      limit,
    });
    const events = withinPage(read, direction === 'backward');
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last) {
      // At either end of the stream the token passed in comes back unchanged.
      const at = token?.position ?? STREAM_START;
      return {
        events: [],
        nextForwardToken:
          token?.direction === 'forward' ? request.nextToken! : encodeStreamToken('forward', at),
        nextBackwardToken:
          token?.direction === 'backward' ? request.nextToken! : encodeStreamToken('backward', at),
      };
    }
    return {
      events: events.map((e) => ({
        timestamp: e.timestamp,
        message: e.message,
        ingestionTime: e.ingestionTime,
      })),
      nextForwardToken: encodeStreamToken('forward', last),
      nextBackwardToken: encodeStreamToken('backward', first),
    };
  }

  async filter(scope: LogScope, request: FilterLogEventsRequest): Promise<FilterLogEventsResponse> {
    const groupName = groupNameOf(request);
    if (request.logStreamNames !== undefined && request.logStreamNamePrefix !== undefined) {
      throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const streamNames = request.logStreamNames?.map((name) => checkStreamName(name, 'logStreamNames'));
    const limit = checkLimit(request.limit, MAX_EVENTS_PER_READ);
    const matches = compiledPattern(request.filterPattern);
    let after = decodePageToken<{ timestamp: number; ingestionTime: number; seq: number }>(
      request.nextToken,
      {
        timestamp: 'number',
        ingestionTime: 'number',
        seq: 'number',
      },
    );
    if (!(await this.deps.store.getGroup(scope, groupName))) throw logGroupNotFound();
    const found: FilterLogEventsResponse['events'] & object = [];
    let bytes = 0;
    for (let scanned = 0; scanned < SCAN_BUDGET;) {
      const page = await this.deps.store.scanGroup(scope, groupName, {
        ...(streamNames ? { streamNames } : {}),
        ...(request.logStreamNamePrefix !== undefined
          ? { streamNamePrefix: request.logStreamNamePrefix }
          : {}),
        ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
        ...(request.endTime !== undefined ? { endTime: request.endTime } : {}),
        ...(after ? { after } : {}),
        limit: SCAN_PAGE,
      });
      for (const event of page) {
        const matched = matches(event.message);
        // A page holds at most 1 MB of events (UTF-8 size + 26 each), as CloudWatch Logs' does.
        if (matched && (bytes += eventBytes(event.message)) > MAX_BATCH_BYTES && after && found.length > 0) {
          return { events: found, nextToken: encodePageToken(after) };
        }
        after = { timestamp: event.timestamp, ingestionTime: event.ingestionTime, seq: event.seq };
        if (!matched) continue;
        found.push({
          logStreamName: event.stream,
          timestamp: event.timestamp,
          message: event.message,
          ingestionTime: event.ingestionTime,
          eventId: positionDigits(event),
        });
        if (found.length === limit) return { events: found, nextToken: encodePageToken(after) };
      }
      if (page.length < SCAN_PAGE) return { events: found };
      scanned += page.length;
    }
    return { events: found, ...(after ? { nextToken: encodePageToken(after) } : {}) };
  }
}
