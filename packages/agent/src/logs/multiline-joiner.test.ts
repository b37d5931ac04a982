import { describe, expect, it } from 'vitest';

import { MAX_EVENT_BYTES } from './event-batches.js';
import { MultilineJoiner } from './multiline-joiner.js';
import { PendingEvents } from './pending-events.js';

const line = (timestampMs: number, text: string) => ({ timestampMs, text });

describe('MultilineJoiner', () => {
  it('joins lines until the start pattern matches again, stamped with the first line', () => {
    const joiner = new MultilineJoiner(/^\d{4}-/, 5_000);
    expect(joiner.push(line(1, '2024-01-01 boom'))).toEqual([]);
    expect(joiner.push(line(2, '  at a'))).toEqual([]);
    expect(joiner.push(line(3, '  at b'))).toEqual([]);
    expect(joiner.push(line(4, '2024-01-01 next'))).toEqual([
      { timestampMs: 1, message: '2024-01-01 boom\n  at a\n  at b' },
    ]);
    expect(joiner.flush()).toEqual([{ timestampMs: 4, message: '2024-01-01 next' }]);
  });

  it('lets a held event go once it is older than the flush interval', () => {
    const joiner = new MultilineJoiner(/^start/, 5_000);
    joiner.push(line(1_000, 'start'));
    expect(joiner.expire(6_000)).toEqual([]);
    expect(joiner.expire(6_001)).toEqual([{ timestampMs: 1_000, message: 'start' }]);
  });

  it('cuts an event that would grow past the event limit', () => {
    const joiner = new MultilineJoiner(/^never$/, 5_000);
    const big = 'z'.repeat(MAX_EVENT_BYTES - 10);
    joiner.push(line(1, big));
    expect(joiner.push(line(2, 'more than ten bytes'))).toEqual([{ timestampMs: 1, message: big }]);
  });
});

describe('PendingEvents', () => {
  const event = (n: number) => ({ timestampMs: n, message: 'x'.repeat(74) }); // 100 bytes each

  it('non-blocking drops the oldest past max-buffer-size and counts them', () => {
    const pending = new PendingEvents('non-blocking', 300);
    pending.add([event(1), event(2), event(3), event(4), event(5)]);
    expect(pending.queued.map((e) => e.timestampMs)).toEqual([3, 4, 5]);
    expect(pending.takeDropped()).toBe(2);
    expect(pending.takeDropped()).toBe(0);
  });

  it('blocking never drops; it says when it is full', () => {
    const pending = new PendingEvents('blocking', 300);
    pending.add([event(1), event(2)]);
    expect(pending.full).toBe(false);
    pending.add([event(3), event(4)]);
    expect(pending.full).toBe(true);
    expect(pending.size).toBe(4);
    const taken = pending.take(2);
    expect(pending.full).toBe(false);
    pending.restore(taken);
    expect(pending.queued.map((e) => e.timestampMs)).toEqual([1, 2, 3, 4]);
  });
});
