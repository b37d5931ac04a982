/** What every start-latency benchmark (Berth RunTask and the Docker floors) reports. */
import { summarize, type LatencySummary } from './stats.js';

export interface StartSample {
  /** From the start request until the container is reported running. */
  readonly runningMs: number;
  /** From the start request until the published port answers HTTP (undefined: never did). */
  readonly httpMs: number | undefined;
}

export interface StartLatencyResult {
  readonly system: string;
  readonly runs: readonly StartSample[];
  readonly runningMs: LatencySummary;
  readonly httpMs: LatencySummary;
  readonly httpFailures: number;
}

export const startLatencyResult = (system: string, runs: readonly StartSample[]): StartLatencyResult => {
  const http = runs.flatMap((run) => (run.httpMs === undefined ? [] : [run.httpMs]));
  return {
    system,
    runs,
    runningMs: summarize(runs.map((run) => run.runningMs)),
    httpMs: summarize(http),
    httpFailures: runs.length - http.length,
  };
};

/** One way of starting the test container; `start` starts, measures and removes one. */
export interface Starter {
  readonly system: string;
  start(): Promise<StartSample>;
}

/**
 * One warm-up start per starter (not counted), then `runs` rounds in which every starter
 * starts once, in turn — so drift in the machine's load hits all systems alike. A starter
 * that fails is recorded in `errors` and left out of later rounds; the others go on.
 */
export const measureInterleaved = async (
  starters: readonly Starter[],
  runs: number,
  signal: AbortSignal,
): Promise<{ results: StartLatencyResult[]; errors: Record<string, string> }> => {
  const samples = new Map<Starter, StartSample[]>(starters.map((starter) => [starter, []]));
  const errors: Record<string, string> = {};
  for (let round = -1; round < runs; round++) {
    for (const starter of starters) {
      if (errors[starter.system] !== undefined) continue;
      signal.throwIfAborted();
      try {
        const sample = await starter.start();
        if (round >= 0) samples.get(starter)?.push(sample);
      } catch (error) {
        errors[starter.system] = error instanceof Error ? error.message : String(error);
      }
    }
  }
  const results = starters
    .filter((starter) => errors[starter.system] === undefined)
    .map((starter) => startLatencyResult(starter.system, samples.get(starter) ?? []));
  return { results, errors };
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
