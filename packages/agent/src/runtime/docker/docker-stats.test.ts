import { describe, expect, it } from 'vitest';

import { toStatsReading, type DockerStatsDocument } from './docker-stats.js';

const MIB = 1024 * 1024;

/** Trimmed from `docker stats` on a cgroup v2 host (Docker 24). */
const cgroupV2: DockerStatsDocument = {
  cpu_stats: {
    cpu_usage: { total_usage: 5_000_000_000 },
    system_cpu_usage: 900_000_000_000,
    online_cpus: 2,
  },
  memory_stats: {
    usage: 30 * MIB,
    stats: { anon: 20 * MIB, file: 10 * MIB, inactive_file: 6 * MIB, active_file: 4 * MIB },
  },
};

/** Trimmed from a cgroup v1 host: percpu_usage present, online_cpus absent, total_* counters. */
const cgroupV1: DockerStatsDocument = {
  cpu_stats: {
    cpu_usage: { total_usage: 7_000_000_000, percpu_usage: [1, 2, 3, 4] },
    system_cpu_usage: 800_000_000_000,
  },
  memory_stats: {
    usage: 50 * MIB,
    stats: { cache: 12 * MIB, total_cache: 12 * MIB, rss: 38 * MIB, total_inactive_file: 8 * MIB },
  },
};

describe('toStatsReading', () => {
  it('subtracts inactive_file under cgroup v2', () => {
    expect(toStatsReading(cgroupV2)).toEqual({
      cpuTotalNs: 5_000_000_000,
      systemCpuNs: 900_000_000_000,
      onlineCpus: 2,
      memoryUsedBytes: 24 * MIB,
    });
  });

  it('subtracts total_cache under cgroup v1 and counts CPUs from percpu_usage', () => {
    expect(toStatsReading(cgroupV1)).toEqual({
      cpuTotalNs: 7_000_000_000,
      systemCpuNs: 800_000_000_000,
      onlineCpus: 4,
      memoryUsedBytes: 38 * MIB,
    });
  });

  it('reads nothing from a stopped container (Docker answers with empty counters)', () => {
    expect(toStatsReading({ cpu_stats: { cpu_usage: { total_usage: 0 } }, memory_stats: {} })).toBe(
      undefined,
    );
  });

  it('never reports negative memory', () => {
    const doc = { ...cgroupV2, memory_stats: { usage: MIB, stats: { inactive_file: 2 * MIB } } };
    expect(toStatsReading(doc)?.memoryUsedBytes).toBe(0);
  });
});
