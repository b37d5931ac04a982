/**
 * A server killed with SIGKILL in the middle of a `docker push` loses nothing that was
 * acknowledged and never serves a partial blob. The push of an image with a large random layer
 * is under way (its upload session holds bytes on disk) when the server is killed; the server is
 * started again on the same data directory and ports; docker retries (its own retries, or the
 * user's second `docker push`) and the push completes. Every blob on disk then hashes to its
 * name, and the image pulls back with the digest docker printed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk } from './support/clients.js';
import {
  buildImage,
  DockerClient,
  pushedDigest,
  removeBuiltImages,
  removeImages,
  scratchDir,
} from './support/registry.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const LAYER_BYTES = 160 * 1024 * 1024;

const dataDir = scratchDir('berth-push-crash');
let berth: BerthProcess | undefined;
let docker: DockerClient;
let reference = '';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
      )
    : [];

/** Bytes the registry's upload sessions hold on disk. */
const uploadedBytes = (): number =>
  files(join(dataDir, 'registry', 'uploads'))
    .filter((file) => file.endsWith('/data'))
    .reduce((sum, file) => sum + statSync(file).size, 0);

const sha256Of = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });

let ports: { api: number; registry: number };
const start = (): Promise<BerthProcess> =>
  startServer({ agent: false, dataDir, port: ports.api, registryPort: ports.registry });

beforeAll(async () => {
  ensureTestImages();
  ports = { api: await freePort(), registry: await freePort() };
  berth = await start();
  docker = new DockerClient();
  awsOk(berth.env, ['ecr', 'create-repository', '--repository-name', 'big-app']);
  docker.login(berth.env, berth.registry ?? '');
  reference = `${berth.registry ?? ''}/big-app:v1`;
  buildImage(docker, reference, 'survived a crash', LAYER_BYTES);
});

afterAll(async () => {
  removeBuiltImages(reference);
  docker?.dispose();
  await berth?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 of the server during docker push', () => {
  it('the push completes after a restart and no partial blob is ever stored', async () => {
    const push = docker.pushAsync(reference);
    await waitFor(() => uploadedBytes() > 16 * 1024 * 1024, 'the big layer to be part-uploaded', 120_000, 50);
    await berth?.kill9();
    const partial = uploadedBytes();
    berth = await start();
    let result = await push.done;
    const retriedByDocker = result.status === 0;
    if (!retriedByDocker) {
      // Docker gave up before the server was back: the user pushes again, as docker tells them to.
      result = docker.run(['push', reference]);
    }
    console.info(
      `push-crash: killed the server with ${(partial / 2 ** 20).toFixed(1)} MiB of the layer uploaded; ` +
        (retriedByDocker
          ? 'docker retried on its own and completed'
          : 'docker gave up; a second push completed'),
    );
    expect(result.status, result.stderr).toBe(0);
    const digest = pushedDigest(result.stdout);
    expect(partial).toBeLessThan(LAYER_BYTES * 2);

    const blobs = files(join(dataDir, 'registry', 'blobs'));
    expect(blobs.length).toBeGreaterThanOrEqual(3);
    for (const blob of blobs) expect(await sha256Of(blob)).toBe(blob.split('/').at(-1));

    removeImages(reference);
    expect(docker.ok(['pull', reference])).toContain(`Digest: ${digest}`);
    expect(docker.ok(['run', '--rm', reference, 'cat', '/marker.txt']).trim()).toBe('survived a crash');
  });
});
