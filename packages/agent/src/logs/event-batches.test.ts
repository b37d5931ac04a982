import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  eventCost,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  MAX_BATCH_SPAN_MS,
  MAX_EVENT_BYTES,
  nextBatch,
  splitMessage,
  toEvents,
  utf8Bytes,
} from './event-batches.js';
import type { PendingEvent } from './log-event.js';

const HOUR = 3_600_000;

const anEvent = fc.record({
  timestampMs: fc.integer({ min: 0, max: 100 * HOUR }),
  message: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
});

/** Drains a queue batch by batch. */
const drain = (queue: readonly PendingEvent[]) => {
  const batches = [];
  let rest = queue;
  while (rest.length > 0) {
    const batch = nextBatch(rest);
    batches.push(batch);
    rest = rest.slice(batch.taken);
  }
  return batches;
};

describe('event splitting', () => {
  it('keeps short messages whole and drops empty ones', () => {
    expect(toEvents('hello', 5)).toEqual([{ timestampMs: 5, message: 'hello' }]);
    expect(toEvents('', 5)).toEqual([]);
  });

  it('splits at 262,144 − 26 bytes, the cursor on the last piece', () => {
    const cursor = { timestampNs: 1n, countAtTimestamp: 1 };
    const events = toEvents('a'.repeat(MAX_EVENT_BYTES + 10), 1, cursor);
    expect(events.map((e) => e.message.length)).toEqual([MAX_EVENT_BYTES, 10]);
    expect(events[0]?.cursor).toBeUndefined();
    expect(events[1]?.cursor).toEqual(cursor);
  });

  it('never cuts a code point, and the pieces make the message again (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 4, max: 30 }),
        (text, max) => {
          const pieces = splitMessage(text, max);
          expect(pieces.join('')).toBe(text);
          for (const piece of pieces) expect(utf8Bytes(piece)).toBeLessThanOrEqual(max);
          for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDFFF]$/u);
        },
      ),
    );
  });
});

describe('batches', () => {
  it('cut at 10,000 events', () => {
    const queue = Array.from({ length: MAX_BATCH_EVENTS + 1 }, (_, i) => ({ timestampMs: i, message: 'x' }));
    expect(drain(queue).map((b) => b.taken)).toEqual([MAX_BATCH_EVENTS, 1]);
  });

  it('cut at 1,048,576 bytes counting 26 per event', () => {
    const message = 'y'.repeat(MAX_EVENT_BYTES);
    const queue = Array.from({ length: 5 }, (_, i) => ({ timestampMs: i, message }));
    expect(drain(queue).map((b) => b.taken)).toEqual([4, 1]);
  });

  it('hold everything, in order, within the limits (property)', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 300 }), (queue) => {
        const batches = drain(queue);
        expect(batches.flatMap((b) => b.events).length).toBe(queue.length);
        for (const batch of batches) {
          const stamps = batch.events.map((e) => e.timestampMs);
          expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
          expect(Math.max(...stamps) - Math.min(...stamps)).toBeLessThanOrEqual(MAX_BATCH_SPAN_MS);
          expect(batch.events.length).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
          expect(batch.events.reduce((n, e) => n + eventCost(e), 0)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
          expect(batch.taken).toBeGreaterThan(0);
        }
        expect(new Set(batches.flatMap((b) => b.events))).toEqual(new Set(queue));
      }),
    );
  });

  it('carry the latest cursor of what they took', () => {
    const queue: PendingEvent[] = [
      { timestampMs: 2, message: 'a', cursor: { timestampNs: 2n, countAtTimestamp: 1 } },
      { timestampMs: 1, message: 'b', cursor: { timestampNs: 1n, countAtTimestamp: 1 } },
      { timestampMs: 3, message: 'c' },
    ];
    const batch = nextBatch(queue);
    expect(batch.events.map((e) => e.message)).toEqual(['b', 'a', 'c']);
    expect(batch.cursor).toEqual({ timestampNs: 1n, countAtTimestamp: 1 });
  });
});
