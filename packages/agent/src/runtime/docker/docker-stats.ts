/**
 * Docker's stats document → a runtime-neutral reading. Memory excludes what the kernel can drop at
 * will: `inactive_file` under cgroup v2, `total_cache` under cgroup v1 (the ECS agent's choice).
 */
import type { ContainerStatsReading } from '../container-runtime.js';

/** The parts of `GET /containers/{id}/stats` Berth reads; a stopped container leaves most absent. */
export interface DockerStatsDocument {
  readonly cpu_stats?: {
    readonly cpu_usage?: { readonly total_usage?: number; readonly percpu_usage?: readonly number[] | null };
    readonly system_cpu_usage?: number;
    readonly online_cpus?: number;
  };
  readonly memory_stats?: {
    readonly usage?: number;
    readonly stats?: Readonly<Record<string, number | undefined>>;
  };
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** cgroup v2 names `inactive_file`; v1 names `total_cache` (and also has `total_inactive_file`). */
const droppableBytes = (stats: Readonly<Record<string, number | undefined>> | undefined): number => {
  if (!stats) return 0;
  if (finite(stats.inactive_file)) return stats.inactive_file;
  if (finite(stats.total_cache)) return stats.total_cache;
  return 0;
};

/** `undefined` when the document carries no counters (the container is not running). */
export const toStatsReading = (doc: DockerStatsDocument): ContainerStatsReading | undefined => {
  const cpu = doc.cpu_stats;
  const total = cpu?.cpu_usage?.total_usage;
  const system = cpu?.system_cpu_usage;
  const usage = doc.memory_stats?.usage;
  if (!finite(total) || !finite(system) || system <= 0 || !finite(usage)) return undefined;
  const perCpu = cpu?.cpu_usage?.percpu_usage?.length ?? 0;
  const onlineCpus = finite(cpu?.online_cpus) && cpu.online_cpus > 0 ? cpu.online_cpus : perCpu || 1;
  return {
    cpuTotalNs: total,
    systemCpuNs: system,
    onlineCpus,
    memoryUsedBytes: Math.max(0, usage - droppableBytes(doc.memory_stats?.stats)),
  };
};
