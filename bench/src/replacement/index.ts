/**
 * Service task replacement latency: Berth replacing a killed service task, against Docker's
 * restart policy and `docker run`, in one run. `runReplacementAlone` is
 * `node bench/dist/main.js replacement`.
 */
import { cpus, loadavg, platform } from 'node:os';

import type { BenchConfig } from '../config.js';
import { docker } from '../docker-cli.js';
import { writeResultsFile } from '../results-file.js';

import { benchReplacement, readReplacementSettings, type ReplacementResults } from './replacement-bench.js';
import { renderReplacementReport } from './replacement-report.js';

export { benchReplacement, type ReplacementResults };

/** Runs, prints the report, writes `resultsFile`; true when every system was measured. */
export const runReplacementAlone = async (
  config: BenchConfig,
  resultsFile: string,
  signal: AbortSignal,
): Promise<boolean> => {
  const began = performance.now();
  const settings = readReplacementSettings();
  const results: ReplacementResults = {
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    environment: {
      node: process.version,
      platform: platform(),
      cpus: cpus().length,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      docker: await docker(['version', '--format', '{{.Server.Version}}']).catch(() => 'unavailable'),
      loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    settings: { ...settings, image: config.testImage, desiredCount: 2, pollMs: 20 },
    errors: {},
    notes: [],
  };
  await benchReplacement(config, settings, results, signal, (text) =>
    process.stderr.write(`bench: ${text}\n`),
  );
  results.durationSeconds = (performance.now() - began) / 1000;
  process.stdout.write(renderReplacementReport(results));
  writeResultsFile(resultsFile, results);
  process.stdout.write(`\nWrote ${resultsFile}\n`);
  return Object.keys(results.errors).length === 0;
};
