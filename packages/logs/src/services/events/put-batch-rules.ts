/**
 * PutLogEvents' batch rules. The whole batch fails (InvalidParameterException) when it has more
 * than 10,000 events, more than 1,048,576 bytes (each event's UTF-8 size + 26), events out of
 * chronological order, or a span over 24 hours. Events more than 2 hours in the future, older
 * than 14 days, or older than the group's retention are rejected one by one (their indexes in
 * rejectedLogEventsInfo) and the rest are stored.
 */
import type { InputLogEvent, RejectedLogEventsInfo } from '@berth/wire/logs';

import { invalidParameter } from '../logs-errors.js';

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BATCH_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BatchVerdict {
  /** Indexes of the events to store, in order. */
  readonly accepted: readonly number[];
  readonly rejected?: RejectedLogEventsInfo;
}

export const eventBytes = (message: string): number =>
  Buffer.byteLength(message, 'utf8') + EVENT_OVERHEAD_BYTES;

const checkShape = (events: readonly InputLogEvent[]): void => {
  if (events.length < 1) {
    throw invalidParameter(
      "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (events.length > MAX_BATCH_EVENTS) {
    throw invalidParameter(
      `1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BATCH_EVENTS}`,
    );
  }
  for (const event of events) {
    if (typeof event.timestamp !== 'number' || typeof event.message !== 'string') {
      throw invalidParameter('Each log event needs a timestamp and a message.');
    }
  }
};

/** Checks the batch as a whole, then sorts its events into accepted and rejected. */
export const judgeBatch = (
  events: readonly InputLogEvent[],
  now: number,
  retentionInDays: number | undefined,
): BatchVerdict => {
  checkShape(events);
  const bytes = events.reduce((sum, e) => sum + eventBytes(e.message), 0);
  if (bytes > MAX_BATCH_BYTES) {
    throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  }
  for (let i = 1; i < events.length; i += 1) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp) {
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }
  if (events[events.length - 1]!.timestamp - events[0]!.timestamp > DAY_MS) {
    throw invalidParameter(
      'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
  }
  const tooNewAfter = now + 2 * HOUR_MS;
  const tooOldBefore = now - 14 * DAY_MS;
  const expiredBefore = retentionInDays !== undefined ? now - retentionInDays * DAY_MS : undefined;
  let tooNewStart: number | undefined;
  let tooOldEnd: number | undefined;
  let expiredEnd: number | undefined;
  const accepted: number[] = [];
  events.forEach((event, i) => {
    const tooNew = event.timestamp > tooNewAfter;
    const tooOld = event.timestamp < tooOldBefore;
    const expired = expiredBefore !== undefined && event.timestamp < expiredBefore;
    if (tooNew) tooNewStart ??= i;
    if (tooOld) tooOldEnd = i;
    if (expired) expiredEnd = i;
    if (!tooNew && !tooOld && !expired) accepted.push(i);
  });
  const rejected: RejectedLogEventsInfo = {
    ...(tooNewStart !== undefined ? { tooNewLogEventStartIndex: tooNewStart } : {}),
    ...(tooOldEnd !== undefined ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
    ...(expiredEnd !== undefined ? { expiredLogEventEndIndex: expiredEnd } : {}),
  };
  return Object.keys(rejected).length > 0 ? { accepted, rejected } : { accepted };
};
