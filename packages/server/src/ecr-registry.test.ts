import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startControlPlane } from './control-plane.js';

const listening = (): Promise<{ server: Server; port: number }> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the ECR registry at start-up', () => {
  it('a registry port in use is a start-up error naming the flag, and the API port is not left bound', async () => {
    const taken = await listening();
    const apiPort = (await listening()).server;
    const api = (apiPort.address() as { port: number }).port;
    await new Promise((resolve) => apiPort.close(resolve));
    const directory = mkdtempSync(join(tmpdir(), 'berth-registry-test-'));
    dirs.push(directory);
    try {
      await expect(
        startControlPlane({
          host: '127.0.0.1',
          port: api,
          store: { kind: 'memory' },
          credentials: [{ accessKeyId: 'AKIATEST', secretAccessKey: 'secret', accountId: '000000000000' }],
          stoppedTaskRetentionMs: 3_600_000,
          log: () => undefined,
          registry: { directory, port: taken.port },
        }),
      ).rejects.toThrow(`the ECR registry cannot listen on 127.0.0.1:${taken.port}: the port is in use`);
      const again = createServer();
      await new Promise<void>((resolve, reject) => {
        again.once('error', reject);
        again.listen(api, '127.0.0.1', () => resolve());
      });
      await new Promise((resolve) => again.close(resolve));
    } finally {
      await new Promise((resolve) => taken.server.close(resolve));
    }
  });
});
