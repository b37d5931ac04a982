/** Drives the mixed workload against one endpoint at a given concurrency and summarizes it. */
import { OPERATIONS, runIteration, type Operation, type Recorder } from './api-workload.js';
import type { BenchConfig } from './config.js';
import { ecsClient } from './ecs-client.js';
import { summarize, type LatencySummary } from './stats.js';

export interface ApiPhaseResult {
  readonly concurrency: number;
  readonly iterations: number;
  readonly operations: number;
  readonly errors: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly perOperationMs: Record<Operation, LatencySummary>;
  readonly firstErrors: readonly string[];
}

interface PhaseLimits {
  readonly concurrency: number;
  readonly seconds: number;
  readonly maxIterations: number;
  readonly signal: AbortSignal;
}

const collector = (): Recorder & {
  all: number[];
  byOp: Map<Operation, number[]>;
  errors: number;
  firstErrors: string[];
} => {
  const byOp = new Map<Operation, number[]>(OPERATIONS.map((op) => [op, []]));
  const state = {
    all: [] as number[],
    byOp,
    errors: 0,
    firstErrors: [] as string[],
    sample: (op: Operation, ms: number): void => {
      state.all.push(ms);
      byOp.get(op)?.push(ms);
    },
    error: (op: Operation, message: string): void => {
      state.errors += 1;
      if (state.firstErrors.length < 5) state.firstErrors.push(`${op}: ${message}`);
    },
  };
  return state;
};

/**
 * `concurrency` workers, each with its own client (one keep-alive connection), take iteration
 * numbers from one shared counter until the count cap or the time cap is reached.
 */
export const runApiPhase = async (
  config: BenchConfig,
  endpoint: string,
  namePrefix: string,
  limits: PhaseLimits,
): Promise<ApiPhaseResult> => {
  const recorder = collector();
  const clients = Array.from({ length: limits.concurrency }, () => ecsClient(config, endpoint));
  let next = 0;
  const start = performance.now();
  const deadline = start + limits.seconds * 1000;
  const worker = async (index: number): Promise<void> => {
    const client = clients[index]!;
    while (next < limits.maxIterations && performance.now() < deadline && !limits.signal.aborted) {
      const iteration = next++;
      await runIteration(client, `${namePrefix}-w${index}-i${iteration}`, recorder);
    }
  };
  try {
    await Promise.all(clients.map((_, index) => worker(index)));
  } finally {
    for (const client of clients) client.destroy();
  }
  const seconds = (performance.now() - start) / 1000;
  const perOperationMs = Object.fromEntries(
    OPERATIONS.map((op) => [op, summarize(recorder.byOp.get(op) ?? [])]),
  ) as Record<Operation, LatencySummary>;
  return {
    concurrency: limits.concurrency,
    iterations: next,
    operations: recorder.all.length,
    errors: recorder.errors,
    seconds,
    opsPerSecond: recorder.all.length / seconds,
    latencyMs: summarize(recorder.all),
    perOperationMs,
    firstErrors: recorder.firstErrors,
  };
};

export interface ApiSystemResult {
  readonly system: string;
  readonly phases: readonly ApiPhaseResult[];
}

/** Warm-up (discarded), then one phase per concurrency, on one running endpoint. */
export const benchApiSystem = async (
  config: BenchConfig,
  system: string,
  endpoint: string,
  signal: AbortSignal,
): Promise<ApiSystemResult> => {
  await runApiPhase(config, endpoint, `warm-${system}`, {
    concurrency: 2,
    seconds: 5,
    maxIterations: config.apiWarmupIterations,
    signal,
  });
  const phases: ApiPhaseResult[] = [];
  for (const concurrency of config.concurrencies) {
    signal.throwIfAborted();
    phases.push(
      await runApiPhase(config, endpoint, `bench-${system}-c${concurrency}`, {
        concurrency,
        seconds: config.apiSeconds,
        maxIterations: config.apiMaxIterations,
        signal,
      }),
    );
  }
  return { system, phases };
};
