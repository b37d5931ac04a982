import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { TaskEndpoint } from './task-endpoint.js';

const stateDir = mkdtempSync(join(tmpdir(), 'berth-task-endpoint-unit-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const newEndpoint = (logs: string[] = []): TaskEndpoint =>
  new TaskEndpoint({
    config: { address: '127.0.0.1' },
    stateDir,
    api: { hostname: '127.0.0.1', port: 9 },
    tasks: () => [],
    credentials: { credentialsFor: () => Promise.reject(new Error('none')), release: () => undefined },
    docker: {
      inspect: () => Promise.resolve(undefined),
      stats: () => Promise.resolve(undefined),
      bridgeGateway: () => Promise.resolve(undefined),
    },
    availabilityZone: 'us-east-1a',
    log: (message) => logs.push(message),
  });

describe('TaskEndpoint', () => {
  it('a restarted agent listens on the ports its containers were given, and the same tokens', async () => {
    const task = aTask([]);
    const first = newEndpoint();
    const location = await first.start();
    const env = first.envFor(task, 'web');
    await first.close();
    const again = newEndpoint();
    expect(await again.start()).toEqual(location);
    expect(again.envFor(task, 'web')).toEqual(env);
    await again.close();
  });

  it('takes other free ports (and says so) when the previous ones are taken', async () => {
    const first = newEndpoint();
    const location = await first.start();
    await first.close();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(location.port, '127.0.0.1', resolve));
    const logs: string[] = [];
    const again = newEndpoint(logs);
    try {
      const moved = await again.start();
      expect(moved.port).not.toBe(location.port);
      expect(moved.forwarderPort).toBe(location.forwarderPort);
      expect(logs.join('\n')).toMatch(/previous port is taken/);
    } finally {
      await again.close();
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('before it listens, it gives no variables', () => {
    expect(newEndpoint().envFor(aTask([]), 'web')).toEqual({});
  });
});
