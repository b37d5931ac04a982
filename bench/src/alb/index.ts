/**
 * The ALB data-plane benchmark: Berth's listener (HAProxy driven by Berth) against nginx as a
 * reverse proxy and against the backend hit directly, then RegisterTargets → first request
 * served. `runAlbAlone` is `node bench/dist/main.js alb`; settings come from BENCH_ALB_* variables.
 */
import { cpus, loadavg, platform } from 'node:os';
import { dirname, join } from 'node:path';

import { killAllChildren, stopAllChildren } from '../child-process.js';
import { positiveInteger, readConfig, type BenchConfig } from '../config.js';
import { writeResultsFile } from '../results-file.js';
import { versionOf } from '../version-of.js';

import { benchAlb } from './alb-bench.js';
import { renderAlbReport } from './alb-report.js';
import type { AlbResults, AlbSettings } from './alb-results.js';
import { NGINX_BINARY } from './nginx.js';
import { WRK_BINARY } from './wrk.js';

export { renderAlbReport, type AlbResults };

export const readAlbSettings = (): AlbSettings => ({
  threads: positiveInteger('BENCH_ALB_THREADS', 2),
  connections: positiveInteger('BENCH_ALB_CONNECTIONS', 64),
  seconds: positiveInteger('BENCH_ALB_SECONDS', 6),
  warmupSeconds: positiveInteger('BENCH_ALB_WARMUP_SECONDS', 2),
  rounds: positiveInteger('BENCH_ALB_ROUNDS', 3),
  registrations: positiveInteger('BENCH_ALB_REGISTRATIONS', 15),
});

export const newAlbResults = (settings: AlbSettings): AlbResults => ({
  startedAt: new Date().toISOString(),
  durationSeconds: 0,
  environment: {
    node: process.version,
    platform: platform(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    haproxy: versionOf('haproxy', ['-v']),
    nginx: versionOf(NGINX_BINARY, ['-v']),
    wrk: versionOf(WRK_BINARY, ['-v']),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  },
  settings: { ...settings },
  errors: {},
  notes: [
    'Everything (wrk, proxy, backend) shares this machine’s cores, and other work may run on it: read the paired ratios, not the absolute figures.',
  ],
});

/** Runs, prints the report, writes `resultsFile`; true when everything was measured. */
export const runAlbAlone = async (
  config: BenchConfig,
  resultsFile: string,
  signal: AbortSignal,
): Promise<boolean> => {
  const began = performance.now();
  const settings = readAlbSettings();
  const results = newAlbResults(settings);
  await benchAlb(config, settings, results, signal, (text) => process.stderr.write(`bench: ${text}\n`));
  results.durationSeconds = (performance.now() - began) / 1000;
  process.stdout.write(renderAlbReport(results));
  writeResultsFile(resultsFile, results);
  process.stdout.write(`\nWrote ${resultsFile}\n`);
  return Object.keys(results.errors).length === 0;
};

/** The ALB benchmark inside the full run: its own results, its own errors. */
export const measureAlb = async (
  config: BenchConfig,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<AlbResults> => {
  progress('ALB: Berth listener vs nginx reverse proxy vs direct (wrk), RegisterTargets → first request');
  const began = performance.now();
  const settings = readAlbSettings();
  const results = newAlbResults(settings);
  await benchAlb(config, settings, results, signal, progress);
  results.durationSeconds = (performance.now() - began) / 1000;
  return results;
};

/** `node bench/dist/main.js alb`: Ctrl-C stops wrk and the servers, then it reports what ran. */
export const albCommand = async (): Promise<void> => {
  const controller = new AbortController();
  const interrupted = (): void => {
    process.stderr.write('bench: interrupted, stopping wrk, nginx and berth\n');
    controller.abort();
    void stopAllChildren();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killAllChildren);
  const config = readConfig();
  const file = join(dirname(config.resultsFile), 'alb.json');
  const measured = await runAlbAlone(config, file, controller.signal);
  if (controller.signal.aborted) process.exitCode = 130;
  else if (!measured) process.exitCode = 1;
};
