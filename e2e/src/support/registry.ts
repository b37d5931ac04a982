/**
 * Berth's ECR registry as a user meets it: the docker CLI with a Docker config of the test's own
 * (so `docker login` never touches the host's), images built locally from the busybox test image,
 * and the digests `docker push` prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { awsOk, type CliResult } from './clients.js';
import { BUSYBOX_IMAGE } from './test-images.js';

export const scratchDir = (prefix: string): string =>
  mkdtempSync(join(process.env.BERTH_E2E_TMP ?? '/tmp', `${prefix}-`));

/** The docker CLI with its own config directory (its logins live there). */
export class DockerClient {
  readonly configDir = scratchDir('docker-config');

  run(args: readonly string[], input?: string): CliResult {
    const result = spawnSync('docker', args, {
      encoding: 'utf8',
      timeout: 5 * 60 * 1000,
      env: { ...process.env, DOCKER_CONFIG: this.configDir },
      ...(input === undefined ? {} : { input }),
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json: undefined };
  }

  ok(args: readonly string[], input?: string): string {
    const result = this.run(args, input);
    if (result.status !== 0)
      throw new Error(
        `docker ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`,
      );
    return result.stdout;
  }

  /** `docker push` without blocking the event loop; resolves with its exit status and output. */
  pushAsync(image: string): { done: Promise<CliResult>; kill: () => void } {
    const child = spawn('docker', ['push', image], {
      env: { ...process.env, DOCKER_CONFIG: this.configDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<CliResult>((resolve) =>
      child.once('close', (code) => resolve({ status: code ?? -1, stdout, stderr, json: undefined })),
    );
    return { done, kill: () => child.kill('SIGKILL') };
  }

  /** `aws ecr get-login-password | docker login --username AWS --password-stdin <registry>`. */
  login(env: NodeJS.ProcessEnv, registry: string, region?: string): string {
    const password = getLoginPassword(env, region);
    return this.ok(['login', '--username', 'AWS', '--password-stdin', registry], password);
  }

  dispose(): void {
    rmSync(this.configDir, { recursive: true, force: true });
  }
}

export const getLoginPassword = (env: NodeJS.ProcessEnv, region?: string): string => {
  const result = spawnSync(
    'aws',
    [
      'ecr',
      'get-login-password',
      '--endpoint-url',
      env.BERTH_ENDPOINT ?? '',
      ...(region === undefined ? [] : ['--region', region]),
    ],
    { env, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`aws ecr get-login-password failed:\n${result.stderr}`);
  return result.stdout.trim();
};

/** Every image id this test file built (a rebuilt tag leaves its old image dangling). */
const builtImageIds = new Set<string>();

/** Removes every image this file built, and the references given. */
export const removeBuiltImages = (...references: readonly string[]): void =>
  removeImages(...references, ...builtImageIds);

/**
 * Builds `tag` from the busybox test image with `/marker.txt` holding `marker` (and, when given,
 * `extraBytes` random bytes in `/filler.bin`), so every image has a layer of its own.
 */
export const buildImage = (docker: DockerClient, tag: string, marker: string, extraBytes = 0): void => {
  const context = scratchDir('image-context');
  try {
    writeFileSync(join(context, 'marker.txt'), `${marker}\n`);
    const filler = extraBytes > 0 ? `RUN head -c ${extraBytes} /dev/urandom > /filler.bin\n` : '';
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${BUSYBOX_IMAGE}\nCOPY marker.txt /marker.txt\n${filler}CMD ["cat", "/marker.txt"]\n`,
    );
    builtImageIds.add(docker.ok(['build', '-q', '-t', tag, context]).trim());
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
};

/** The digest `docker push` printed (`<tag>: digest: sha256:… size: N`). */
export const pushedDigest = (output: string): string => {
  const match = /digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(output);
  if (!match?.[1]) throw new Error(`no digest in docker push output:\n${output}`);
  return match[1];
};

/** The repository's images as describe-images returns them, by digest. */
export const describeImages = (env: NodeJS.ProcessEnv, repository: string, region?: string): any[] =>
  awsOk(env, [
    'ecr',
    'describe-images',
    '--repository-name',
    repository,
    ...(region === undefined ? [] : ['--region', region]),
  ]).imageDetails;

/** Removes local images by reference, ignoring those that are not there. */
export const removeImages = (...references: readonly string[]): void => {
  spawnSync('docker', ['rmi', '-f', ...references], { encoding: 'utf8' });
};

/** A registry request with the Basic credentials docker sends after login (or none). */
export const registryFetch = (
  registry: string,
  path: string,
  init: { method?: string; password?: string; headers?: Record<string, string> } = {},
): Promise<Response> =>
  fetch(`http://${registry}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.password === undefined
        ? {}
        : { authorization: `Basic ${Buffer.from(`AWS:${init.password}`).toString('base64')}` }),
      ...init.headers,
    },
    signal: AbortSignal.timeout(30_000),
  });
