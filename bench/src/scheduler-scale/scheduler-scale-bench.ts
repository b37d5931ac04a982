/**
 * The scheduler-scale benchmark: one child process per cluster size (scale-worker.ts), one after
 * the other, each killed if it overruns its time budget, so the whole run stays bounded.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { SchedulerScaleResults, ScaleSizeResult } from './scale-results.js';
import {
  INSTANCE_RESOURCES,
  NOMAD_C1M_PLACEMENTS_PER_SECOND,
  TASK_RESERVATION,
  type ScaleSettings,
} from './scale-settings.js';

const WORKER = fileURLToPath(new URL('./scale-worker.js', import.meta.url));
/** Beyond the worker's own budget, before it is killed (a synchronous stall cannot time itself out). */
const KILL_GRACE_MS = 30_000;

const lastProgress = (stderr: string): { text: string; placed: number; running: number } => {
  const lines = stderr.trim().split('\n');
  const text = lines.at(-1) ?? '';
  const counts = [...stderr.matchAll(/(\d+) placed, (\d+) running/g)].at(-1);
  return { text, placed: Number(counts?.[1] ?? 0), running: Number(counts?.[2] ?? 0) };
};

const runWorker = (
  instances: number,
  settings: ScaleSettings,
  signal: AbortSignal,
): Promise<ScaleSizeResult> =>
  new Promise((resolve) => {
    const began = performance.now();
    // Source maps let the profile summary name TypeScript files and lines.
    const flags = settings.profileDir ? ['--enable-source-maps'] : [];
    const child = spawn(process.execPath, [...flags, WORKER, String(instances)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedFor: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    const kill = (why: string): void => {
      killedFor = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => kill(`killed after ${settings.timeoutSeconds} s + ${KILL_GRACE_MS / 1000} s grace`),
      settings.timeoutSeconds * 1000 + KILL_GRACE_MS,
    );
    const onAbort = (): void => kill('interrupted');
    signal.addEventListener('abort', onAbort, { once: true });
    const onExit = (): void => void child.kill('SIGKILL');
    process.once('exit', onExit);
    child.once('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      process.removeListener('exit', onExit);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (!killedFor && code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as ScaleSizeResult);
        return;
      }
      const progress = lastProgress(stderr);
      resolve({
        instances,
        services: settings.services,
        tasks: settings.services * settings.tasksPerService,
        outcome: killedFor && killedFor !== 'interrupted' ? 'timed out' : 'failed',
        placed: progress.placed,
        running: progress.running,
        error: `${killedFor ?? `worker exited (${code ?? exitSignal})`} after ${((performance.now() - began) / 1000).toFixed(0)} s; last output: ${progress.text}`,
      });
    });
  });

export const benchSchedulerScale = async (
  settings: ScaleSettings,
  signal: AbortSignal,
): Promise<SchedulerScaleResults> => {
  const sizes: ScaleSizeResult[] = [];
  for (const instances of settings.sizes) {
    if (signal.aborted) break;
    process.stderr.write(
      `bench: scheduler scale: ${instances} instances, ${settings.services} services × ${settings.tasksPerService} tasks\n`,
    );
    sizes.push(await runWorker(instances, settings, signal));
  }
  return {
    settings: {
      sizes: settings.sizes,
      services: settings.services,
      tasksPerService: settings.tasksPerService,
      timeoutSeconds: settings.timeoutSeconds,
      instanceResources: INSTANCE_RESOURCES,
      taskReservation: TASK_RESERVATION,
    },
    nomadC1mPlacementsPerSecond: NOMAD_C1M_PLACEMENTS_PER_SECOND,
    sizes,
  };
};
