/** The shape of one benchmark run, as printed and as written to bench/results/latest.json. */
import type { ApiSystemResult } from './api-bench.js';
import type { StartLatencyResult } from './start-latency.js';
import { ratio } from './stats.js';

export interface BenchResults {
  readonly startedAt: string;
  durationSeconds: number;
  readonly environment: Readonly<Record<string, string | number>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly api: { berth?: ApiSystemResult; moto?: ApiSystemResult };
  readonly start: {
    berth?: StartLatencyResult | undefined;
    dockerRun?: StartLatencyResult | undefined;
    engineApi?: StartLatencyResult | undefined;
  };
  /** Benchmark name → why it could not run or finish. */
  readonly errors: Record<string, string>;
  /** Things worth knowing that are not failures of the bench. */
  readonly notes: string[];
}

export interface ApiRatio {
  readonly concurrency: number;
  /** Berth ops/s ÷ moto ops/s (above 1: Berth is faster). */
  readonly throughput: number;
  /** Berth latency ÷ moto latency (below 1: Berth is faster). */
  readonly p50: number;
  readonly p99: number;
}

export const apiRatios = (results: BenchResults): ApiRatio[] => {
  const { berth, moto } = results.api;
  if (!berth || !moto) return [];
  return berth.phases.flatMap((b) => {
    const m = moto.phases.find((phase) => phase.concurrency === b.concurrency);
    if (!m) return [];
    return [
      {
        concurrency: b.concurrency,
        throughput: ratio(b.opsPerSecond, m.opsPerSecond),
        p50: ratio(b.latencyMs.p50, m.latencyMs.p50),
        p99: ratio(b.latencyMs.p99, m.latencyMs.p99),
      },
    ];
  });
};

export interface StartRatio {
  readonly floor: string;
  /** Berth ÷ floor, for "reported running" and for "answers HTTP" (1 = at the floor). */
  readonly runningP50: number;
  readonly runningP90: number;
  readonly httpP50: number;
  readonly httpP90: number;
}

export const startRatios = (results: BenchResults): StartRatio[] => {
  const { berth, dockerRun, engineApi } = results.start;
  if (!berth) return [];
  return [dockerRun, engineApi].flatMap((floor) =>
    floor
      ? [
          {
            floor: floor.system,
            runningP50: ratio(berth.runningMs.p50, floor.runningMs.p50),
            runningP90: ratio(berth.runningMs.p90, floor.runningMs.p90),
            httpP50: ratio(berth.httpMs.p50, floor.httpMs.p50),
            httpP90: ratio(berth.httpMs.p90, floor.httpMs.p90),
          },
        ]
      : [],
  );
};
