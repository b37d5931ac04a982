/**
 * Child-process entry of the scheduler-scale benchmark: measures one cluster size in a fresh
 * process (so peak memory is that size's own, and a run that hangs can be killed from outside).
 *   node bench/dist/scheduler-scale/scale-worker.js INSTANCES
 * Settings come from the environment (scale-settings.ts). Progress goes to stderr; the result is
 * the last stdout line, as JSON.
 */
import { runScale } from './scale-run.js';
import type { ScaleSizeResult } from './scale-results.js';
import { readScaleSettings } from './scale-settings.js';

/** Left at the end of the time budget for the store floor, checks and shutdown. */
const MARGIN_MS = 5_000;

const main = async (): Promise<void> => {
  const began = performance.now();
  const instances = Number(process.argv[2]);
  if (!Number.isInteger(instances) || instances <= 0) throw new Error('usage: scale-worker.js INSTANCES');
  const settings = readScaleSettings();
  let result: ScaleSizeResult;
  try {
    result = await runScale({
      instances,
      services: settings.services,
      tasksPerService: settings.tasksPerService,
      deadlineMs: began + settings.timeoutSeconds * 1000 - MARGIN_MS,
      profileDir: settings.profileDir,
      progress: (text) => process.stderr.write(`bench: scheduler scale ${instances}: ${text}\n`),
    });
  } catch (error) {
    result = {
      instances,
      services: settings.services,
      tasks: settings.services * settings.tasksPerService,
      outcome: 'failed',
      setupSeconds: (performance.now() - began) / 1000,
      placed: 0,
      running: 0,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

await main();
process.exit(0);
