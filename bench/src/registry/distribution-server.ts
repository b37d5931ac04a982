/**
 * Debian's `docker-registry` (distribution 2.8.2), the peer: `docker-registry serve` on a config
 * of the bench's own in `dir` — filesystem storage under `dir`, loopback only, no auth, no access
 * log (as `berth --quiet` logs none) — never the packaged /etc/docker/registry config or service.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { spawnUntilReady } from '../child-process.js';
import { answersHttp, freePort } from '../net.js';

import { connectTo } from './distribution-client.js';
import type { RegistryUnderTest } from './registry-under-test.js';

export const DISTRIBUTION_BINARY = process.env.BENCH_DOCKER_REGISTRY ?? '/usr/bin/docker-registry';

const configYaml = (dataDir: string, port: number): string =>
  [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dataDir}`,
    '  cache:',
    '    blobdescriptor: inmemory',
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '',
  ].join('\n');

/** Starts distribution in `dir` on a free port; ready once it answers HTTP. */
export const startDistribution = async (dir: string, system = 'distribution'): Promise<RegistryUnderTest> => {
  const port = await freePort();
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dir, 'config.yml');
  writeFileSync(file, configYaml(dataDir, port));
  const proc = await spawnUntilReady(
    DISTRIBUTION_BINARY,
    ['serve', file],
    { probe: () => answersHttp(port) },
    15_000,
  );
  return {
    system,
    connection: connectTo(`http://127.0.0.1:${port}`, undefined),
    createRepository: () => Promise.resolve(),
    stop: () => proc.stop(5_000),
  };
};
