/**
 * Scheduler scale: a simulated cluster (in-process stand-in agents) driven through the real
 * control plane, placements per second at several cluster sizes, against Nomad's C1M figure.
 * `runSchedulerScaleAlone` is `node bench/dist/main.js scheduler-scale`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { dirname } from 'node:path';

import { benchSchedulerScale } from './scheduler-scale-bench.js';
import { renderSchedulerScale } from './scale-report.js';
import type { SchedulerScaleResults } from './scale-results.js';
import { readScaleSettings } from './scale-settings.js';

export { benchSchedulerScale, renderSchedulerScale, readScaleSettings };
export type { SchedulerScaleResults };

/** Every measured size converged. */
export const schedulerScaleSucceeded = (results: SchedulerScaleResults): boolean =>
  results.sizes.length > 0 && results.sizes.every((s) => s.outcome === 'converged');

export const runSchedulerScaleAlone = async (resultsFile: string, signal: AbortSignal): Promise<boolean> => {
  const startedAt = new Date().toISOString();
  const began = performance.now();
  const results = await benchSchedulerScale(readScaleSettings(), signal);
  const durationSeconds = (performance.now() - began) / 1000;
  const environment = {
    node: process.version,
    platform: platform(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverageAtStart: loadavg()[0] ?? 0,
  };
  const env = Object.entries(environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  process.stdout.write(
    [
      `Berth scheduler scale — ${startedAt} (${durationSeconds.toFixed(0)} s)`,
      `  ${env}`,
      '',
      ...renderSchedulerScale(results),
    ].join('\n') + '\n',
  );
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ startedAt, durationSeconds, environment, schedulerScale: results }, null, 2)}\n`,
  );
  process.stdout.write(`\nWrote ${resultsFile}\n`);
  return schedulerScaleSucceeded(results);
};
