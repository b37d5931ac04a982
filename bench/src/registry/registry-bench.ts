/**
 * The registry benchmark's run: distribution and the subject (Berth's registry, or a second
 * distribution) started side by side under one temp directory; a small warm-up push and pull on
 * each; then round after round a fresh image (new random layers) pushed, pulled and probed on
 * each system step by step (registry-round.ts), which goes first alternating from round to round,
 * with the in-process disk floor measured on the same bytes.
 * Everything started is stopped, and the temp directory removed, in `finally`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BenchConfig } from '../config.js';

import { startBerthRegistry } from './berth-registry.js';
import { measureDiskFloor } from './disk-floor.js';
import { startDistribution } from './distribution-server.js';
import type { RegistryResults, RegistryRound, RegistrySettings } from './registry-results.js';
import { measureRound } from './registry-round.js';
import type { RegistryUnderTest } from './registry-under-test.js';
import { writeTestImage } from './test-image.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const WARMUP_LAYER_BYTES = 4 << 20;

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
    const done = await measureRound([system], image, 'bench/warm-up', results.settings, (_, error) => {
      results.errors[`${system.system} warm-up`] = message(error);
    });
    if (done[system.system]) passed.push(system);
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
  let live = [...systems];
  for (let r = 0; r < settings.rounds && !signal.aborted && live.length > 0; r++) {
    const dir = join(tmp, `round-${r + 1}`);
    mkdirSync(dir);
    const image = writeTestImage(dir, settings.layers, settings.layerMiB << 20);
    const order = r % 2 === 0 ? live : [...live].reverse();
    const round: RegistryRound = { order: order.map((s) => s.system), systems: {} };
    results.rounds.push(round);
    round.floor = await measureDiskFloor(image, dir, settings.concurrency);
    progress(
      `round ${r + 1}/${settings.rounds} (${round.order.join(' first, ')}): floor store ${round.floor.storeMBps.toFixed(0)} MB/s, read ${round.floor.readMBps.toFixed(0)} MB/s`,
    );
    const measured = await measureRound(order, image, `bench/round-${r + 1}`, settings, (system, error) => {
      live = live.filter((s) => s !== system);
      results.errors[`${system.system} round ${r + 1}`] = signal.aborted ? 'interrupted' : message(error);
    });
    Object.assign(round.systems, measured);
    for (const [system, m] of Object.entries(measured))
      progress(`  ${system}: push ${m.pushMBps.toFixed(0)} MB/s, pull ${m.pullMBps.toFixed(0)} MB/s`);
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
