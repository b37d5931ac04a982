import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { ReadLogsOptions, RuntimeLogLine } from '../runtime/container-runtime.js';
import { Backoff } from '../session/backoff.js';
import { waitUntil } from '../test-support/engine-harness.test-support.js';
import { parseAwslogsOptions } from './awslogs-options.js';
import { ContainerLogShipper } from './container-log-shipper.js';
import { LogOffsets } from './log-offsets.js';
import type { LogsApi } from './logs-client.js';
import type { PutLogEventsRequest } from './logs-wire.js';

const stateDir = mkdtempSync(join(tmpdir(), 'berth-shipper-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const LINES = 100;
const stamp = (i: number): string =>
  `2024-05-01T12:00:${String(Math.floor(i / 10)).padStart(2, '0')}.${String(i).padStart(9, '0')}Z`;

/**
 * A runtime whose container printed LINES lines and stopped; counts how many were read. With
 * `followEndsAfter`, a followed read ends early after that many lines, as Docker 20.10's can.
 */
const fakeRuntime = (followEndsAfter = LINES) => {
  const state = { read: 0, reads: [] as ReadLogsOptions[] };
  return {
    state,
    readLogs: (_id: string, options: ReadLogsOptions): Promise<AsyncIterable<RuntimeLogLine>> =>
      Promise.resolve(
        (async function* () {
          state.reads.push(options);
          for (let i = 0; i < (options.follow ? followEndsAfter : LINES); i++) {
            await Promise.resolve();
            state.read += 1;
            yield { stream: 'stdout' as const, timestamped: `${stamp(i)} ${'x'.repeat(74)}\n` };
          }
        })(),
      ),
  };
};

/** A Logs API that refuses every call until `reachable` is set. */
const flakyLogs = () => {
  const state = { reachable: false, puts: [] as PutLogEventsRequest[] };
  const gate = (): Promise<void> =>
    state.reachable ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED'));
  const api: LogsApi = {
    createLogGroup: gate,
    createLogStream: gate,
    putLogEvents: async (request) => {
      await gate();
      state.puts.push(request);
      return {};
    },
  };
  return { state, api };
};

describe('ContainerLogShipper, blocking mode', () => {
  it('stops reading while it cannot ship, drops nothing, and ships everything once it can', async () => {
    const parsed = parseAwslogsOptions({
      'awslogs-group': 'g',
      'awslogs-region': 'eu-west-1',
      mode: 'blocking',
      'max-buffer-size': '1k', // 100-byte events (74 + 26): ten fill it
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const runtime = fakeRuntime();
    const logs = flakyLogs();
    const messages: string[] = [];
    const shipper = new ContainerLogShipper(
      {
        runtime,
        logs: logs.api,
        offsets: new LogOffsets(stateDir),
        now: Date.now,
        log: (message) => messages.push(message),
        flushIntervalMs: 20,
        backoff: () => new Backoff(10, 20),
      },
      { containerId: 'c1', containerName: 'app', streamName: 'app-stream', options: parsed.options },
    );
    shipper.start();
    await waitUntil(
      () => (messages.filter((m) => m.includes('PutLogEvents failed')).length >= 5 ? true : undefined),
      5_000,
    );
    expect(runtime.state.read).toBeLessThanOrEqual(11);
    logs.state.reachable = true;
    await shipper.finished();
    const shipped = logs.state.puts.flatMap((p) => p.logEvents);
    expect(shipped).toHaveLength(LINES);
    expect(shipped.map((e) => e.timestamp)).toEqual(
      [...shipped.map((e) => e.timestamp)].sort((a, b) => a - b),
    );
    expect(messages.some((m) => m.includes('dropped'))).toBe(false);
    expect(new LogOffsets(stateDir).load('c1')).toEqual({
      timestampNs: BigInt(Date.UTC(2024, 4, 1, 12, 0, 9)) * 1_000_000n + 99n,
      countAtTimestamp: 1,
    });
  });
});

describe('ContainerLogShipper, when the follow stream ends early', () => {
  it('reads the rest without following, shipping every line once', async () => {
    const parsed = parseAwslogsOptions({ 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' });
    if (!parsed.ok) throw new Error(parsed.error);
    const runtime = fakeRuntime(60);
    const logs = flakyLogs();
    logs.state.reachable = true;
    const shipper = new ContainerLogShipper(
      {
        runtime,
        logs: logs.api,
        offsets: new LogOffsets(stateDir),
        now: Date.now,
        log: () => undefined,
        flushIntervalMs: 20,
      },
      { containerId: 'c2', containerName: 'app', streamName: 'app-stream', options: parsed.options },
    );
    shipper.start();
    await shipper.finished();
    const shipped = logs.state.puts.flatMap((p) => p.logEvents.map((e) => e.timestamp));
    const expected = Array.from({ length: LINES }, (_, i) => Date.parse(stamp(i)));
    expect(shipped).toEqual(expected);
    // One followed read, then reads without follow until one brings nothing new.
    expect(runtime.state.reads.map((r) => r.follow)).toEqual([true, false, false]);
  });
});
