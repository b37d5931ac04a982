/** Settings of the scheduler-scale benchmark, read once from the environment into a frozen object. */

export interface ScaleSettings {
  /** Cluster sizes (container instances), one measured run each, in this order. */
  readonly sizes: readonly number[];
  readonly services: number;
  readonly tasksPerService: number;
  /** Wall-clock cap of one size, set-up included; past it the size is reported as timed out. */
  readonly timeoutSeconds: number;
  /** When set, each size profiles its measured phase and writes a .cpuprofile here. */
  readonly profileDir: string | undefined;
}

/** Nomad C1M (2016): 1,000,000 containers on 5,000 hosts by 5 servers in under 5 min [ECS-REFERENCE §10]. */
export const NOMAD_C1M_PLACEMENTS_PER_SECOND = 3_750;

/** What each stand-in agent registers: a 4 vCPU / 16 GiB host. */
export const INSTANCE_RESOURCES = { cpu: 4096, memory: 16384 } as const;
/** The one container of every task (CPU units, MiB): 128 such tasks fit one instance. */
export const TASK_RESERVATION = { cpu: 32, memory: 64 } as const;

const positiveInteger = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
};

const sizesFrom = (raw: string | undefined): number[] => {
  if (raw === undefined || raw.trim() === '') return [1_000, 5_000, 10_000];
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`BENCH_SCALE_SIZES must be positive integers separated by commas, got ${raw}`);
    return value;
  });
};

export const readScaleSettings = (): ScaleSettings =>
  Object.freeze({
    sizes: Object.freeze(sizesFrom(process.env.BENCH_SCALE_SIZES)),
    services: positiveInteger('BENCH_SCALE_SERVICES', 100),
    tasksPerService: positiveInteger('BENCH_SCALE_TASKS_PER_SERVICE', 100),
    timeoutSeconds: positiveInteger('BENCH_SCALE_TIMEOUT_SECONDS', 120),
    profileDir: process.env.BENCH_SCALE_PROFILE_DIR || undefined,
  });
