/** Benchmark settings, read once from the environment into a frozen object. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchConfig {
  readonly repoRoot: string;
  /** The `berth` entry script (override with BERTH_BENCH_CLI). */
  readonly berthCli: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (an assumed role's) carry their session token. */
  readonly sessionToken?: string;
  readonly region: string;
  /** Wall-clock cap of one API phase (one system, one concurrency). */
  readonly apiSeconds: number;
  /** Count cap of one API phase, in workload iterations (9 operations each). */
  readonly apiMaxIterations: number;
  readonly apiWarmupIterations: number;
  readonly concurrencies: readonly number[];
  /** Measured RunTask / docker run starts (one extra warm-up start is not counted). */
  readonly startRuns: number;
  readonly testImage: string;
  readonly resultsFile: string;
}

const positive = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
};

/** A positive integer setting from the environment (`fallback` when unset). */
export const positiveInteger = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
};

export const readConfig = (): BenchConfig => {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  return Object.freeze({
    repoRoot,
    berthCli: process.env.BERTH_BENCH_CLI ?? join(repoRoot, 'packages/cli/bin/berth.js'),
    accessKeyId: 'AKIABENCH',
    secretAccessKey: 'benchsecret',
    region: 'us-east-1',
    apiSeconds: positive('BENCH_API_SECONDS', 10),
    apiMaxIterations: Math.floor(positive('BENCH_API_MAX_ITERATIONS', 20_000)),
    apiWarmupIterations: Math.floor(positive('BENCH_API_WARMUP_ITERATIONS', 40)),
    concurrencies: Object.freeze([1, 16]),
    startRuns: Math.floor(positive('BENCH_START_RUNS', 10)),
    testImage: 'berth-test/busybox:latest',
    resultsFile: join(repoRoot, 'bench/results/latest.json'),
  });
};
