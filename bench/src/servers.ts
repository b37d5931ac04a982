/** The two ECS endpoints under test: a real `berth server`, and moto's mock ECS server. */
import { spawnSync } from 'node:child_process';

import { spawnUntilReady } from './child-process.js';
import type { BenchConfig } from './config.js';
import { answersHttp, freePort } from './net.js';

export interface EcsEndpoint {
  readonly name: string;
  readonly endpoint: string;
  /** The server's process id, for CPU accounting. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * `berth server --in-memory`, with or without its embedded agent; ready when it prints its URL.
 * `env` replaces the server's environment (e.g. a TMPDIR of the bench's, to find its HAProxy);
 * `registryPort` adds `--registry-port`.
 */
export const startBerth = async (
  config: BenchConfig,
  options: {
    readonly agent: boolean;
    readonly env?: NodeJS.ProcessEnv;
    /** Also serve the ECR registry (distribution v2 API) on this loopback port. */
    readonly registryPort?: number;
  },
): Promise<EcsEndpoint> => {
  const args = [
    config.berthCli,
    'server',
    '--port',
    '0',
    '--in-memory',
    '--access-key-id',
    config.accessKeyId,
    '--secret-access-key',
    config.secretAccessKey,
    '--region',
    config.region,
    '--image-pull-behavior',
    'prefer-cached',
    // Stops take at most 5 s (SIGTERM → SIGKILL), well inside the 20 s a stopped server gets.
    '--container-stop-timeout',
    '5',
    '--quiet',
    ...(options.agent ? [] : ['--no-agent']),
    ...(options.registryPort === undefined ? [] : ['--registry-port', String(options.registryPort)]),
  ];
  const proc = await spawnUntilReady(
    process.execPath,
    args,
    { line: /Berth is running at (http:\/\/\S+)/ },
    60_000,
    options.env,
  );
  const endpoint = proc.match?.[1];
  if (!endpoint) throw new Error(`berth printed no endpoint:\n${proc.output()}`);
  return { name: 'berth', endpoint, pid: proc.child.pid, stop: () => proc.stop() };
};

/** `python3 -m moto.server` on a free loopback port; ready when it answers HTTP. */
export const startMoto = async (): Promise<EcsEndpoint> => {
  const port = await freePort();
  const proc = await spawnUntilReady(
    'python3',
    ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)],
    {
      probe: () => answersHttp(port),
    },
  );
  return {
    name: 'moto',
    endpoint: `http://127.0.0.1:${port}`,
    pid: proc.child.pid,
    stop: () => proc.stop(5_000),
  };
};

export const motoVersion = (): string => {
  const result = spawnSync('python3', ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
};

/** Starts a server, runs `body` against it, and always stops it. */
export const withServer = async <T>(
  start: () => Promise<EcsEndpoint>,
  body: (server: EcsEndpoint) => Promise<T>,
): Promise<T> => {
  const server = await start();
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
};
