/**
 * The registry benchmark's run: distribution and the subject (Berth's registry, or a second
 * distribution) started side by side under one temp directory; a small warm-up push and pull on
 * each; then round after round a fresh image (new random layers) pushed, pulled and probed on
 * each system, the order alternating, with the in-process disk floor measured on the same bytes.
 * Everything started is stopped, and the temp directory removed, in `finally`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BenchConfig } from '../config.js';

import { startBerthRegistry } from './berth-registry.js';
import { measureDiskFloor } from './disk-floor.js';
import { startDistribution } from './distribution-server.js';
import { blobFirstByteMs, manifestFirstByteMs, pullImage, pushImage } from './distribution-client.js';
import type { RegistryResults, RegistryRound, RegistrySettings, SystemRound } from './registry-results.js';
import type { RegistryUnderTest } from './registry-under-test.js';
import { writeTestImage, type TestImage } from './test-image.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const TAG = 'latest';
const WARMUP_LAYER_BYTES = 4 << 20;

const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** Push, pull (both timed whole), then first-byte probes of the manifest and of the layers. */
const measureSystemRound = async (
  system: RegistryUnderTest,
  image: TestImage,
  repository: string,
  settings: RegistrySettings,
): Promise<SystemRound> => {
  const { connection } = system;
  await system.createRepository(repository);
  const pushed = performance.now();
  await pushImage(connection, repository, TAG, image, settings.concurrency);
  const pushMs = performance.now() - pushed;
  const pulled = performance.now();
  await pullImage(connection, repository, TAG, image.manifest.digest, settings.concurrency);
  const pullMs = performance.now() - pulled;
  const blob: number[] = [];
  const manifest: number[] = [];
  for (let i = 0; i < settings.firstByteSamples; i++) {
    manifest.push(await manifestFirstByteMs(connection, repository, TAG));
    const layer = image.layers[i % image.layers.length]!;
    blob.push(await blobFirstByteMs(connection, repository, layer.digest));
  }
  return {
    pushMBps: mbPerSecond(image.blobBytes, pushMs),
    pullMBps: mbPerSecond(image.blobBytes, pullMs),
    blobFirstByteMs: blob,
    manifestFirstByteMs: manifest,
  };
};

const startSubject = (
  config: BenchConfig,
  settings: RegistrySettings,
  tmp: string,
  system: string,
): Promise<RegistryUnderTest> => {
  if (settings.subject === 'distribution') return startDistribution(join(tmp, 'distribution-2'), system);
  const berthTmp = join(tmp, 'berth');
  mkdirSync(berthTmp);
  return startBerthRegistry(config, { ...process.env, TMPDIR: berthTmp });
};

/**
 * One untimed push and pull of a one-layer image on each system (connections, JIT, caches);
 * returns the systems that passed it, a failure recorded as that system's error.
 */
const warmUp = async (
  systems: readonly RegistryUnderTest[],
  dir: string,
  results: RegistryResults,
): Promise<RegistryUnderTest[]> => {
  mkdirSync(dir);
  const image = writeTestImage(dir, 1, WARMUP_LAYER_BYTES);
  const passed: RegistryUnderTest[] = [];
  for (const system of systems) {
    try {
      await measureSystemRound(system, image, 'bench/warm-up', results.settings);
      passed.push(system);
    } catch (error) {
      results.errors[`${system.system} warm-up`] = message(error);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return passed;
};

const measureRounds = async (
  systems: readonly RegistryUnderTest[],
  tmp: string,
  results: RegistryResults,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<void> => {
  const { settings } = results;
  const failed = new Set<string>();
  for (let r = 0; r < settings.rounds && !signal.aborted; r++) {
    const dir = join(tmp, `round-${r + 1}`);
    mkdirSync(dir);
    const image = writeTestImage(dir, settings.layers, settings.layerMiB << 20);
    const order = r % 2 === 0 ? systems : [...systems].reverse();
    const round: RegistryRound = { order: order.map((s) => s.system), systems: {} };
    results.rounds.push(round);
    round.floor = await measureDiskFloor(image, dir, settings.concurrency);
    progress(
      `round ${r + 1}/${settings.rounds}: floor store ${round.floor.storeMBps.toFixed(0)} MB/s, read ${round.floor.readMBps.toFixed(0)} MB/s`,
    );
    for (const system of order) {
      if (signal.aborted || failed.has(system.system)) continue;
      try {
        const measured = await measureSystemRound(system, image, `bench/round-${r + 1}`, settings);
        round.systems[system.system] = measured;
        progress(
          `  ${system.system}: push ${measured.pushMBps.toFixed(0)} MB/s, pull ${measured.pullMBps.toFixed(0)} MB/s`,
        );
      } catch (error) {
        failed.add(system.system);
        results.errors[`${system.system} round ${r + 1}`] = signal.aborted ? 'interrupted' : message(error);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Runs the whole benchmark into `results`; whatever it started is gone when it returns. */
export const benchRegistry = async (
  config: BenchConfig,
  results: RegistryResults,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<void> => {
  const { settings } = results;
  const tmp = mkdtempSync(join(tmpdir(), 'berth-bench-registry-'));
  const running: RegistryUnderTest[] = [];
  try {
    progress('distribution: docker-registry serve, filesystem storage in a temp directory');
    running.push(await startDistribution(join(tmp, 'distribution'), results.peer));
    progress(
      settings.subject === 'berth'
        ? 'berth server --in-memory --no-agent --registry-port'
        : 'a second distribution standing in for Berth (BENCH_REGISTRY_SUBJECT=distribution)',
    );
    try {
      running.unshift(await startSubject(config, settings, tmp, results.subject));
    } catch (error) {
      results.errors[`start ${results.subject}`] = message(error);
    }
    progress('warm-up: one small image pushed and pulled on each');
    const warm = await warmUp(running, join(tmp, 'warm-up'), results);
    await measureRounds(warm, tmp, results, signal, progress);
  } catch (error) {
    results.errors.setup = signal.aborted ? 'interrupted' : message(error);
  } finally {
    progress('cleaning up: registries stopped, temp directory removed');
    for (const system of running) {
      system.connection.agent.destroy();
      await system.stop();
    }
    rmSync(tmp, { recursive: true, force: true });
  }
};
