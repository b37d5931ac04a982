/**
 * A real HAProxy for integration tests: renders into a temp dir, starts `haproxy -f` (master-worker
 * from the config), waits until the listener accepts, and talks to the admin socket. Stop it with
 * stop(); the temp dir goes with it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { requireHaproxy } from './haproxy-check.test-support.js';

export interface RunningHaproxy {
  readonly dir: string;
  readonly adminSocketPath: string;
  readonly output: () => string;
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

const adminCommand = (path: string, command: string): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = '';
    const socket = connect({ path });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.once('error', reject);
    socket.once('end', () => resolve(out));
    socket.once('connect', () => socket.end(`${command}\n`));
  });

export const startHaproxy = async (
  render: (adminSocketPath: string) => string,
  port: number,
): Promise<RunningHaproxy> => {
  const binary = requireHaproxy();
  const dir = mkdtempSync(join(tmpdir(), 'berth-lb-run-'));
  const adminSocketPath = join(dir, 'admin.sock');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, render(adminSocketPath));
  let output = '';
  const child: ChildProcess = spawn(binary, ['-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not start listening on ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { dir, adminSocketPath, output: () => output, admin: (c) => adminCommand(adminSocketPath, c), stop };
};
