import type { ContainerStatsReading } from '../runtime/container-runtime.js';

/** One CPU busy for the whole interval is 1024 CPU units, as in task definitions. */
export const CPU_UNITS_PER_CPU = 1024;
const BYTES_PER_MIB = 1024 * 1024;

/**
 * CPU units a container used between two of its readings: Δcontainer ÷ Δhost × online CPUs × 1024
 * (Docker's CPU percentage, scaled to units). `undefined` when the readings cannot be compared: the
 * host counter did not move, or the container's went back (it restarted in between).
 */
export const cpuUnitsBetween = (
  earlier: ContainerStatsReading,
  later: ContainerStatsReading,
): number | undefined => {
  const containerNs = later.cpuTotalNs - earlier.cpuTotalNs;
  const systemNs = later.systemCpuNs - earlier.systemCpuNs;
  if (systemNs <= 0 || containerNs < 0) return undefined;
  return (containerNs / systemNs) * later.onlineCpus * CPU_UNITS_PER_CPU;
};

export const memoryMiB = (reading: ContainerStatsReading): number => reading.memoryUsedBytes / BYTES_PER_MIB;
