import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CPU_UNITS_PER_CPU, cpuUnitsBetween } from './cpu-units.js';

const reading = (cpuTotalNs: number, systemCpuNs: number, onlineCpus = 2) => ({
  cpuTotalNs,
  systemCpuNs,
  onlineCpus,
  memoryUsedBytes: 0,
});

describe('cpuUnitsBetween', () => {
  it('is 1024 for one CPU busy all the interval', () => {
    // Two CPUs: the host counter moves 2 s per second, the container's 1 s.
    expect(cpuUnitsBetween(reading(0, 0), reading(1e9, 2e9))).toBe(CPU_UNITS_PER_CPU);
  });

  it('is a quarter CPU for a container held to 0.25 of one', () => {
    expect(cpuUnitsBetween(reading(10e9, 100e9), reading(10.25e9, 102e9))).toBeCloseTo(256);
  });

  it('cannot compare readings across a restart or a stalled host counter', () => {
    expect(cpuUnitsBetween(reading(5e9, 10e9), reading(1e9, 20e9))).toBe(undefined);
    expect(cpuUnitsBetween(reading(1e9, 10e9), reading(2e9, 10e9))).toBe(undefined);
  });

  it('is the busy share of the whole host: between 0 and online CPUs × 1024', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 1e12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cpus, systemNs, busy) => {
          const units = cpuUnitsBetween(reading(0, 0, cpus), reading(systemNs * busy, systemNs, cpus));
          expect(units).toBeGreaterThanOrEqual(0);
          expect(units).toBeLessThanOrEqual(cpus * CPU_UNITS_PER_CPU + 1e-6);
        },
      ),
    );
  });
});
