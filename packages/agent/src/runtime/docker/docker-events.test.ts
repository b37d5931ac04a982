import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';

import type { RuntimeEvent } from '../container-runtime.js';
import { waitUntil } from '../../test-support/engine-harness.test-support.js';
import { DockerEventStream } from './docker-events.js';

const line = (action: string, id: string, timeNano: number): string =>
  `${JSON.stringify({ Type: 'container', Action: action, Actor: { ID: id, Attributes: { a: 'b' } }, timeNano })}\n`;

describe('DockerEventStream', () => {
  it('reconnects after the stream ends, resuming from the last event it saw', async () => {
    const calls: { since: unknown; filters: unknown }[] = [];
    const streams = [new PassThrough(), new PassThrough()];
    const fake = {
      getEvents: (options: { since: unknown; filters: unknown }) => {
        calls.push({ since: options.since, filters: options.filters });
        const stream = streams[calls.length - 1] ?? new PassThrough();
        return Promise.resolve(stream);
      },
    } as unknown as Dockerode;
    const events: RuntimeEvent[] = [];
    const errors: unknown[] = [];
    const subscription = new DockerEventStream(
      fake,
      ['x=y'],
      (e) => events.push(e),
      (e) => errors.push(e),
    );
    subscription.start();
    try {
      await waitUntil(() => (calls.length === 1 ? true : undefined), 2_000);
      streams[0]?.write(line('start', 'c1', 1_700_000_000_123_456_789));
      streams[0]?.write(line('exec_start: sh', 'c1', 1_700_000_000_200_000_000));
      streams[0]?.end(line('health_status: healthy', 'c1', 1_700_000_001_000_000_000));
      await waitUntil(() => (calls.length === 2 ? true : undefined), 5_000);
      streams[1]?.write(line('die', 'c2', 1_700_000_002_000_000_000));
      await waitUntil(() => (events.length === 3 ? true : undefined), 2_000);
    } finally {
      subscription.close();
    }
    expect(events).toEqual([
      { type: 'start', containerId: 'c1', labels: { a: 'b' } },
      { type: 'health_status', containerId: 'c1', labels: { a: 'b' } },
      { type: 'die', containerId: 'c2', labels: { a: 'b' } },
    ]);
    expect(calls[1]?.since).toBe('1700000001.000000000');
    expect(JSON.parse(String(calls[0]?.filters))).toMatchObject({ type: ['container'], label: ['x=y'] });
    expect(errors).toEqual([]);
  });
});
