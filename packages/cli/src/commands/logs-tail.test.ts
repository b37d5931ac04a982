import { describe, expect, it } from 'vitest';

import { formatTailLine, type TailedEvent } from './logs-line.js';
import { parseSince } from './logs-since.js';
import { tailLogs, type FilterPage, type FilterPageRequest } from './logs-tail.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('parseSince', () => {
  it('reads durations back from now and ISO times', () => {
    expect(parseSince('10m', NOW)).toBe(NOW - 600_000);
    expect(parseSince('2h', NOW)).toBe(NOW - 7_200_000);
    expect(parseSince('1w', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseSince('2024-05-01T11:00:00Z', NOW)).toBe(NOW - 3_600_000);
    expect(() => parseSince('soon', NOW)).toThrow(/--since soon: expected a duration/);
  });
});

describe('formatTailLine', () => {
  it('prints timestamp, stream and message as aws logs tail does', () => {
    expect(formatTailLine({ timestamp: NOW + 123, logStreamName: 'web/1', message: 'hello\n' })).toBe(
      '2024-05-01T12:00:00.123000+00:00 web/1 hello',
    );
  });
});

describe('tailLogs', () => {
  const event = (timestamp: number, eventId: string): TailedEvent => ({
    timestamp,
    eventId,
    logStreamName: 's',
    message: eventId,
  });

  it('pages to the end, then follows from the newest timestamp without printing an event twice', async () => {
    const requests: FilterPageRequest[] = [];
    const answers: FilterPage[] = [
      { events: [event(1, 'a'), event(2, 'b')], nextToken: 't1' },
      { events: [event(2, 'c')] },
      // Polled again from timestamp 2: b and c come back, d is new in the same millisecond.
      { events: [event(2, 'b'), event(2, 'c'), event(2, 'd'), event(3, 'e')] },
      { events: [event(3, 'e'), event(4, 'f')] },
    ];
    const printed: string[] = [];
    let polls = 0;
    await tailLogs({
      since: 0,
      follow: true,
      pollIntervalMs: 5,
      filterPage: (request) => {
        requests.push(request);
        return Promise.resolve(answers.shift() ?? { events: [] });
      },
      print: (e) => printed.push(e.eventId!),
      wait: () => Promise.resolve(void (polls += 1)),
      stopped: () => polls >= 3,
    });
    expect(printed).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(requests).toEqual([
      { startTime: 0 },
      { startTime: 2, nextToken: 't1' },
      { startTime: 2 },
      { startTime: 3 },
    ]);
  });

  it('stops at the end without --follow', async () => {
    let calls = 0;
    await tailLogs({
      since: 0,
      follow: false,
      pollIntervalMs: 5,
      filterPage: () => Promise.resolve(void (calls += 1)).then(() => ({ events: [event(1, 'a')] })),
      print: () => undefined,
      wait: () => Promise.reject(new Error('no waiting without --follow')),
      stopped: () => false,
    });
    expect(calls).toBe(1);
  });
});
