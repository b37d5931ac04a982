/**
 * The registry benchmark: push and pull throughput and time to first byte of Berth's ECR registry
 * against Debian's `docker-registry` (distribution 2.8.2), the same image, the same client, the
 * same run, alternating rounds, with paired ratios. `registryCommand` is `node bench/dist/main.js
 * registry`; settings come from BENCH_REGISTRY_* variables (BENCH_REGISTRY_SUBJECT=distribution
 * puts a second distribution where Berth stands, to check the bench: its ratios should be ≈ 1×).
 */
import { cpus, loadavg, platform } from 'node:os';

import type { BenchCommand } from '../bench-command.js';
import { positiveInteger, type BenchConfig } from '../config.js';
import { versionOf } from '../version-of.js';

import { DISTRIBUTION_BINARY } from './distribution-server.js';
import { benchRegistry } from './registry-bench.js';
import { summarizeRegistry, type RegistryResults, type RegistrySettings } from './registry-results.js';
import { renderRegistry } from './registry-report.js';

export { renderRegistry, type RegistryResults };

const subject = (): RegistrySettings['subject'] => {
  const raw = process.env.BENCH_REGISTRY_SUBJECT ?? 'berth';
  if (raw === 'berth' || raw === 'distribution') return raw;
  throw new Error(`BENCH_REGISTRY_SUBJECT must be berth or distribution, got ${raw}`);
};

export const readRegistrySettings = (): RegistrySettings => ({
  rounds: positiveInteger('BENCH_REGISTRY_ROUNDS', 5),
  layers: positiveInteger('BENCH_REGISTRY_LAYERS', 4),
  layerMiB: positiveInteger('BENCH_REGISTRY_LAYER_MIB', 32),
  concurrency: positiveInteger('BENCH_REGISTRY_CONCURRENCY', 3),
  firstByteSamples: positiveInteger('BENCH_REGISTRY_TTFB_SAMPLES', 10),
  subject: subject(),
});

const newResults = (settings: RegistrySettings): RegistryResults => ({
  startedAt: new Date().toISOString(),
  durationSeconds: 0,
  environment: {
    node: process.version,
    platform: platform(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    distribution: versionOf(DISTRIBUTION_BINARY, ['--version']),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  },
  settings,
  subject: settings.subject === 'berth' ? 'berth' : 'distribution (2nd)',
  peer: 'distribution',
  rounds: [],
  errors: {},
  notes: [
    'The client, both registries and the floor share this machine’s cores and disk, and other work may run on it: read the paired ratios, not the absolute figures.',
  ],
});

/** The registry benchmark inside a larger run: its own results, its own errors. */
export const measureRegistry = async (
  config: BenchConfig,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<RegistryResults> => {
  const began = performance.now();
  const results = newResults(readRegistrySettings());
  await benchRegistry(config, results, signal, progress);
  results.summary = summarizeRegistry(results);
  results.durationSeconds = (performance.now() - began) / 1000;
  return results;
};

/** `node bench/dist/main.js registry`: writes bench/results/registry.json; Ctrl-C stops the servers. */
export const registryCommand: BenchCommand<RegistryResults> = {
  name: 'registry',
  measure: measureRegistry,
  render: renderRegistry,
};
