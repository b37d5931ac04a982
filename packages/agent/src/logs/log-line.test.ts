import { describe, expect, it } from 'vitest';

import { DockerFrameDecoder, LineSplitter } from './docker-log-frames.js';
import { alreadyShipped, nextCursor } from './log-event.js';
import { nsToDockerSince, nsToMs, parseRfc3339Nano, parseTimestampedLine } from './log-line.js';

const frame = (type: number, text: string): Buffer => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('Docker log lines', () => {
  it('parse RFC3339Nano to epoch ns and ms', () => {
    const ns = parseRfc3339Nano('2024-05-01T12:00:00.123456789Z');
    expect(ns).toBe(BigInt(Date.UTC(2024, 4, 1, 12)) * 1_000_000n + 123_456_789n);
    expect(nsToMs(ns ?? 0n)).toBe(Date.UTC(2024, 4, 1, 12) + 123);
    expect(parseRfc3339Nano('2024-05-01T14:00:00.5+02:00')).toBe(
      BigInt(Date.UTC(2024, 4, 1, 12)) * 1_000_000n + 500_000_000n,
    );
    expect(parseRfc3339Nano('yesterday')).toBeUndefined();
  });

  it('split the timestamp from the text and strip the newline', () => {
    expect(parseTimestampedLine('2024-05-01T12:00:00.000000001Z hello world\n')).toEqual({
      timestampNs: BigInt(Date.UTC(2024, 4, 1, 12)) * 1_000_000n + 1n,
      text: 'hello world',
    });
    expect(parseTimestampedLine('2024-05-01T12:00:00.000000001Z \n')?.text).toBe('');
    expect(parseTimestampedLine('no timestamp here')).toBeUndefined();
  });

  it('give Docker a since= of seconds.nanoseconds', () => {
    expect(nsToDockerSince(1_714_564_800_000_000_001n)).toBe('1714564800.000000001');
  });
});

describe('DockerFrameDecoder', () => {
  it('yields whole frames however the bytes are chunked', () => {
    const bytes = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'again\n')]);
    for (const size of [1, 3, 7, 8, 9, bytes.length]) {
      const decoder = new DockerFrameDecoder();
      const frames = [];
      for (let i = 0; i < bytes.length; i += size) frames.push(...decoder.push(bytes.subarray(i, i + size)));
      expect(frames.map((f) => [f.stream, f.payload.toString()])).toEqual([
        ['stdout', 'out\n'],
        ['stderr', 'err\n'],
        ['stdout', 'again\n'],
      ]);
      expect(decoder.buffered).toBe(0);
    }
  });

  it('splits a TTY stream into lines', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\nb')).toEqual(['a\n']);
    expect(splitter.push('c\n')).toEqual(['bc\n']);
    expect(splitter.push('tail')).toEqual([]);
    expect(splitter.flush()).toEqual(['tail']);
  });
});

describe('line cursors', () => {
  it('count lines that share a timestamp and tell what was shipped', () => {
    const a = nextCursor(undefined, 5n);
    const b = nextCursor(a, 5n);
    const c = nextCursor(b, 6n);
    expect([a, b, c]).toEqual([
      { timestampNs: 5n, countAtTimestamp: 1 },
      { timestampNs: 5n, countAtTimestamp: 2 },
      { timestampNs: 6n, countAtTimestamp: 1 },
    ]);
    expect(alreadyShipped(a, b)).toBe(true);
    expect(alreadyShipped(b, b)).toBe(true);
    expect(alreadyShipped(c, b)).toBe(false);
    expect(alreadyShipped(a, undefined)).toBe(false);
  });
});
