/**
 * `concurrency` workers repeat one call until `seconds` pass; each call's latency is kept and a
 * failed call counts as an error (its first messages kept), so a server cannot win by failing fast.
 */
import { summarize, type LatencySummary } from '../stats.js';

export interface LoopResult {
  readonly calls: number;
  readonly errors: number;
  readonly seconds: number;
  readonly callsPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly firstErrors: readonly string[];
}

export const timedLoop = async (
  concurrency: number,
  seconds: number,
  signal: AbortSignal,
  call: (worker: number, iteration: number) => Promise<void>,
): Promise<LoopResult> => {
  const samples: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async (index: number): Promise<void> => {
    while (performance.now() < deadline && !signal.aborted) {
      const iteration = next++;
      const began = performance.now();
      try {
        await call(index, iteration);
        samples.push(performance.now() - began);
      } catch (error) {
        errors += 1;
        if (firstErrors.length < 3) firstErrors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  const elapsed = (performance.now() - start) / 1000;
  return {
    calls: samples.length,
    errors,
    seconds: elapsed,
    callsPerSecond: samples.length / elapsed,
    latencyMs: summarize(samples),
    firstErrors,
  };
};
