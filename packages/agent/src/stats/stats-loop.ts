import type { TaskStatsSample } from '@berth/wire/agent';

import { sleep } from '../session/backoff.js';
import type { RunningTask } from './running-tasks.js';
import type { TaskStatsSampler } from './task-stats-sampler.js';

export interface StatsLoopOptions {
  readonly intervalMs: number;
  readonly sampler: TaskStatsSampler;
  /** The tasks to sample now. */
  readonly runningTasks: () => readonly RunningTask[];
  /** Sends one round of samples to the control plane. */
  readonly submit: (samples: readonly TaskStatsSample[]) => Promise<void>;
  readonly signal: AbortSignal;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Samples every RUNNING task each interval and submits the round. It runs beside the task loops and
 * never waits on them, nor they on it. A round the control plane does not take (it is away, or slow)
 * is dropped, not retried: a metric minute missing a sample is what ECS gives too, and a backlog
 * would only delay fresher samples.
 */
export const runStatsLoop = async (options: StatsLoopOptions): Promise<void> => {
  while (!options.signal.aborted) {
    await sleep(options.intervalMs, options.signal);
    if (options.signal.aborted) return;
    try {
      const samples = await options.sampler.sample(options.runningTasks());
      if (samples.length > 0) await options.submit(samples);
    } catch (error) {
      options.log('task stats not delivered; dropping this round', { error: String(error) });
    }
  }
};
