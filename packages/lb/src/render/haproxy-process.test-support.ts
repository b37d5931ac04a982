/**
 * A real HAProxy for the renderer's integration tests, run by the supervisor Berth uses: renders
 * into a temp dir, starts it, waits until the listener accepts, and talks to its admin socket.
 * Stop it with stop(); the temp dir goes with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { locateHaproxy } from '../haproxy/haproxy-binary.js';
import { HaproxySupervisor } from '../haproxy/haproxy-process.js';

import { requireHaproxy } from './haproxy-check.test-support.js';

export interface RunningHaproxy {
  readonly dir: string;
  readonly admin: (command: string) => Promise<string>;
  readonly stop: () => Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export const startHaproxy = async (config: string, port: number): Promise<RunningHaproxy> => {
  const binary = await locateHaproxy({ path: requireHaproxy() });
  const dir = mkdtempSync(join(tmpdir(), 'berth-lb-run-'));
  const supervisor = new HaproxySupervisor({ binary, directory: dir });
  const stop = async (): Promise<void> => {
    await supervisor.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await supervisor.start(config);
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (Date.now() > deadline) throw new Error(`haproxy did not start listening on ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, admin: (c) => supervisor.runtimeApi.send(c), stop };
};
