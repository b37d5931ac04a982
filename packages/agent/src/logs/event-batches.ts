/**
 * PutLogEvents' limits, applied as Docker's awslogs driver applies them (pure): an event is at most
 * 262,144 − 26 bytes (longer messages are split, never inside a code point); a batch is at most
 * 10,000 events and 1,048,576 bytes counting each event as its UTF-8 size + 26, spans at most 24 h,
 * and goes out in chronological order.
 */
import type { LineCursor, PendingEvent } from './log-event.js';

export const PER_EVENT_OVERHEAD_BYTES = 26;
export const MAX_BATCH_BYTES = 1_048_576;
export const MAX_BATCH_EVENTS = 10_000;
export const MAX_EVENT_BYTES = 262_144 - PER_EVENT_OVERHEAD_BYTES;
export const MAX_BATCH_SPAN_MS = 24 * 60 * 60 * 1000;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** What an event costs in a batch. */
export const eventCost = (event: PendingEvent): number => utf8Bytes(event.message) + PER_EVENT_OVERHEAD_BYTES;

/** Splits a message into pieces of at most `maxBytes` UTF-8 bytes, keeping code points whole. */
export const splitMessage = (message: string, maxBytes = MAX_EVENT_BYTES): string[] => {
  const pieces: string[] = [];
  let piece = '';
  let pieceBytes = 0;
  for (const char of message) {
    const bytes = utf8Bytes(char);
    if (pieceBytes + bytes > maxBytes) {
      pieces.push(piece);
      piece = '';
      pieceBytes = 0;
    }
    piece += char;
    pieceBytes += bytes;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
};

/** A message → its events (none when empty: CloudWatch takes no empty message); the cursor goes on the last. */
export const toEvents = (message: string, timestampMs: number, cursor?: LineCursor): PendingEvent[] => {
  const pieces =
    utf8Bytes(message) > MAX_EVENT_BYTES ? splitMessage(message) : message === '' ? [] : [message];
  return pieces.map((piece, i) => ({
    timestampMs,
    message: piece,
    ...(cursor !== undefined && i === pieces.length - 1 ? { cursor } : {}),
  }));
};

export interface Batch {
  /** Chronological (stable for equal timestamps). */
  readonly events: readonly PendingEvent[];
  /** How many queued events it took from the head of the queue. */
  readonly taken: number;
  /** The last line position it ships (the latest cursor among the events taken). */
  readonly cursor?: LineCursor;
}

/** The next batch from the head of `queue` (arrival order). Empty when the queue is. */
export const nextBatch = (queue: readonly PendingEvent[]): Batch => {
  let bytes = 0;
  let taken = 0;
  let min = Infinity;
  let max = -Infinity;
  let cursor: LineCursor | undefined;
  for (const event of queue) {
    const cost = eventCost(event);
    const lo = Math.min(min, event.timestampMs);
    const hi = Math.max(max, event.timestampMs);
    if (taken >= MAX_BATCH_EVENTS || bytes + cost > MAX_BATCH_BYTES || hi - lo > MAX_BATCH_SPAN_MS) break;
    bytes += cost;
    taken += 1;
    min = lo;
    max = hi;
    cursor = event.cursor ?? cursor;
  }
  const events = queue
    .slice(0, taken)
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.timestampMs - b.event.timestampMs || a.order - b.order)
    .map(({ event }) => event);
  return { events, taken, ...(cursor === undefined ? {} : { cursor }) };
};
