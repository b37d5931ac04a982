/** The clients users use: the aws CLI and boto3 (python3), run as real processes. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { BERTH_BIN, REPO_ROOT } from './berth-process.js';

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: any;
}

/** A finished CLI run, with its stdout parsed when it is JSON. */
const cliResult = (result: { status: number | null; stdout: string; stderr: string }): CliResult => {
  let json: unknown;
  try {
    json = result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  } catch {
    json = undefined;
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json };
};

export const aws = (env: NodeJS.ProcessEnv, args: readonly string[]): CliResult => {
  const result = spawnSync('aws', [...args, '--endpoint-url', env.BERTH_ENDPOINT ?? '', '--output', 'json'], {
    env,
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  return cliResult(result);
};

/** Runs aws and fails with its output when it does not succeed. */
export const awsOk = (env: NodeJS.ProcessEnv, args: readonly string[]): any => {
  const result = aws(env, args);
  if (result.status !== 0)
    throw new Error(`aws ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.json;
};

/** Runs a boto3 scenario script from e2e/python with the Berth endpoint in its environment. */
export const python = (env: NodeJS.ProcessEnv, script: string, args: readonly string[] = []): CliResult => {
  const result = spawnSync('python3', [join(REPO_ROOT, 'e2e/python', script), ...args], {
    env,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json: undefined };
};

/** Runs the `berth` CLI (e.g. `usage`, `reclaim-spot`) against the endpoint in `env`. */
export const berthCli = (env: NodeJS.ProcessEnv, args: readonly string[]): CliResult => {
  const result = spawnSync(process.execPath, [BERTH_BIN, ...args, '--endpoint', env.BERTH_ENDPOINT ?? ''], {
    env,
    encoding: 'utf8',
    timeout: 60 * 1000,
  });
  return cliResult(result);
};

/** Runs a `berth` command that needs no endpoint (e.g. `gc`). */
export const berthLocal = (args: readonly string[]): CliResult =>
  cliResult(spawnSync(process.execPath, [BERTH_BIN, ...args], { encoding: 'utf8', timeout: 120 * 1000 }));

export const docker = (args: readonly string[]): CliResult => {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 5 * 60 * 1000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json: undefined };
};

/** The aws CLI without blocking the event loop (for waiters that run while something samples). */
export const awsAsync = (env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliResult> =>
  new Promise((resolve) => {
    const child = spawn('aws', [...args, '--endpoint-url', env.BERTH_ENDPOINT ?? '', '--output', 'json'], {
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => {
      let json: unknown;
      try {
        json = stdout.trim() ? JSON.parse(stdout) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ status: status ?? -1, stdout, stderr, json });
    });
  });
