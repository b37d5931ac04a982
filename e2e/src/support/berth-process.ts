/**
 * Starts real `berth server` / `berth agent` processes (the built CLI) for end-to-end tests and
 * gives the clients what they need to reach them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BERTH_BIN = join(REPO_ROOT, 'packages/cli/bin/berth.js');

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIABERTHE2ETEST0001',
  secretAccessKey: 'berth-e2e-secret-key-0123456789abcdefghij',
};
export const TEST_REGION = 'us-east-1';

export interface BerthProcess {
  readonly endpoint: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Environment for the aws CLI, boto3 and the SDK. */
  readonly env: NodeJS.ProcessEnv;
  /** A server's ECR registry host (`localhost:<port>`, the host of every repositoryUri). */
  readonly registry?: string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

export const clientEnv = (endpoint: string): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_DEFAULT_REGION: TEST_REGION,
  AWS_ENDPOINT_URL: endpoint,
  AWS_ENDPOINT_URL_ECS: endpoint,
  BERTH_ENDPOINT: endpoint,
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});

/** The run's temporary root (see global-setup.ts); the system's when run without it. */
const scratchRoot = (): string => process.env.BERTH_E2E_TMP ?? tmpdir();

/** Spawns the CLI and resolves once it prints `ready` (a line matching the pattern). */
const spawnBerth = (
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BERTH_BIN, ...args], {
      env: {
        ...process.env,
        TMPDIR: scratchRoot(),
        BERTH_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        BERTH_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`berth ${args[0]} not ready in ${timeoutMs} ms:\n${text}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const match = text.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => text });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`berth ${args[0]} exited (${code ?? signal}) before ready:\n${text}`));
    });
  });

/** The owners (agent ARNs) a `berth` process's agents log when they register. */
export const ownersIn = (output: string): string[] =>
  [...output.matchAll(/registered \{"arn":"([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));

/** The containers of these owners that no longer run (exited, or created and never started). */
const notRunning = (owners: readonly string[]): string[] =>
  owners.flatMap((owner) =>
    ['exited', 'created', 'dead'].flatMap((status) =>
      (
        spawnSync(
          'docker',
          [
            'ps',
            '-a',
            '-q',
            '--filter',
            `label=dev.berth.container-instance=${owner}`,
            '--filter',
            `status=${status}`,
          ],
          { encoding: 'utf8' },
        ).stdout ?? ''
      )
        .split('\n')
        .filter(Boolean),
    ),
  );

/**
 * Stopping a `berth` process gracefully first waits until its agents have removed the containers
 * of stopped tasks (e2e agents run with a short cleanup wait), so a stopped agent leaves nothing
 * behind; when they are not removed in time, that is a leak and stop() fails.
 */
const stopCleanly = async (child: ChildProcess, output: () => string): Promise<void> => {
  const owners = ownersIn(output());
  const deadline = Date.now() + 30_000;
  let left = notRunning(owners);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = notRunning(owners);
  }
  child.kill('SIGTERM');
  await exited(child);
  if (left.length > 0) throw new Error(`containers of stopped tasks were not cleaned up: ${left.join(' ')}`);
};

/** The registry host a server prints (`ECR registry: localhost:<port>`), if it printed one. */
const registryIn = (output: string): { registry?: string } => {
  const host = /ECR registry: (\S+)/.exec(output)?.[1];
  return host === undefined ? {} : { registry: host };
};

const handle = (child: ChildProcess, endpoint: string, output: () => string): BerthProcess => ({
  endpoint,
  ...registryIn(output()),
  child,
  output,
  env: clientEnv(endpoint),
  stop: () => stopCleanly(child, output),
  kill9: async () => {
    child.kill('SIGKILL');
    await exited(child);
  },
});

/** Agents remove a stopped task's containers this soon (ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION). */
const E2E_CLEANUP_WAIT = ['--task-cleanup-wait', '3'];

/** Stops every process given (each one even when another fails), then throws the first failure. */
export const stopAll = async (...processes: readonly (BerthProcess | undefined)[]): Promise<void> => {
  const results = await Promise.allSettled(processes.map((p) => p?.stop() ?? Promise.resolve()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
};

export interface ServerOptions {
  readonly dataDir?: string;
  readonly agent?: boolean;
  readonly port?: number;
  /** The ECR registry's port; default 0 (a free one), so servers in parallel never collide. */
  readonly registryPort?: number;
  readonly extraArgs?: readonly string[];
}

export const startServer = async (options: ServerOptions = {}): Promise<BerthProcess> => {
  const args = [
    'server',
    '--port',
    String(options.port ?? 0),
    '--registry-port',
    String(options.registryPort ?? 0),
    ...(options.dataDir ? ['--data-dir', options.dataDir] : ['--in-memory']),
    '--region',
    TEST_REGION,
    '--image-pull-behavior',
    'prefer-cached',
    '--container-stop-timeout',
    '10',
    ...E2E_CLEANUP_WAIT,
    ...(options.agent === false ? ['--no-agent'] : []),
    ...(options.extraArgs ?? []),
  ];
  const { child, match, output } = await spawnBerth(args, /Berth is running at (http:\/\/\S+)/);
  return handle(child, match[1] ?? '', output);
};

export interface AgentOptions {
  readonly endpoint: string;
  readonly cluster?: string;
  readonly stateDir?: string;
  readonly extraArgs?: readonly string[];
}

export type AgentProcess = BerthProcess & { readonly stateDir: string; readonly instanceArn: string };

export const startAgent = async (options: AgentOptions): Promise<AgentProcess> => {
  const stateDir = options.stateDir ?? tempDir('berth-e2e-agent-');
  const args = [
    'agent',
    '--endpoint',
    options.endpoint,
    '--cluster',
    options.cluster ?? 'default',
    '--state-dir',
    stateDir,
    '--region',
    TEST_REGION,
    '--image-pull-behavior',
    'prefer-cached',
    '--container-stop-timeout',
    '10',
    ...E2E_CLEANUP_WAIT,
    ...(options.extraArgs ?? []),
  ];
  const { child, match, output } = await spawnBerth(args, /Berth agent registered (\S+)/);
  return { ...handle(child, options.endpoint, output), stateDir, instanceArn: match[1] ?? '' };
};

/** A temporary directory under the run's root, removed when the run ends. */
export const tempDir = (prefix: string): string => mkdtempSync(join(scratchRoot(), prefix));
