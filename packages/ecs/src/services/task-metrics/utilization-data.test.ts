import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { MetricDatum } from './metric-sink.js';
import { MIN_CPU_RESERVATION_UNITS, utilizationData, type TaskMinute } from './utilization-data.js';

const MINUTE = 1_700_000_040;

const use = fc.record({
  cpuUnitsUsed: fc.double({ min: 0, max: 8192, noNaN: true }),
  memoryMiBUsed: fc.double({ min: 0, max: 4096, noNaN: true }),
});

const task = (samples: fc.Arbitrary<TaskMinute['samples']>) =>
  fc.record({
    clusterName: fc.constantFrom('a', 'b'),
    serviceName: fc.constantFrom('web', 'worker'),
    cpuReserved: fc.integer({ min: 0, max: 4096 }),
    memoryReserved: fc.integer({ min: 1, max: 8192 }),
    samples,
  });

const tasks = fc.array(task(fc.array(use, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 });

const datum = (data: MetricDatum[], name: string, cluster: string, service?: string) =>
  data.find(
    (d) =>
      d.MetricName === name &&
      d.Dimensions[0]?.Value === cluster &&
      d.Dimensions[1]?.Value === service &&
      d.Dimensions.length === (service === undefined ? 1 : 2),
  );

const average = (d: MetricDatum | undefined): number =>
  (d?.StatisticValues.Sum ?? NaN) / (d?.StatisticValues.SampleCount ?? NaN);

describe('utilizationData', () => {
  it('a 256-unit task burning 256 units and using half its memory: 100 % CPU, 50 % memory', () => {
    const data = utilizationData(
      [
        {
          clusterName: 'default',
          serviceName: 'web',
          cpuReserved: 256,
          memoryReserved: 512,
          samples: [
            { cpuUnitsUsed: 250, memoryMiBUsed: 256 },
            { cpuUnitsUsed: 262, memoryMiBUsed: 256 },
          ],
        },
      ],
      MINUTE,
    );
    expect(datum(data, 'CPUUtilization', 'default', 'web')).toEqual({
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: 'default' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Timestamp: MINUTE,
      StatisticValues: { SampleCount: 1, Sum: 100, Minimum: 100, Maximum: 100 },
      Unit: 'Percent',
      StorageResolution: 60,
    });
    expect(average(datum(data, 'MemoryUtilization', 'default', 'web'))).toBe(50);
    expect(data).toHaveLength(2); // the {ClusterName} sets are measured against instances, elsewhere
  });

  it('CPU can exceed 100 % (a task uses the idle CPU of its host)', () => {
    const [cpu] = utilizationData(
      [
        {
          clusterName: 'c',
          serviceName: 's',
          cpuReserved: 512,
          memoryReserved: 1,
          samples: [{ cpuUnitsUsed: 2048, memoryMiBUsed: 0 }],
        },
      ],
      MINUTE,
    );
    expect(cpu?.StatisticValues.Maximum).toBe(400);
  });

  it('a task reserving no CPU is measured against Docker’s minimum 2 shares', () => {
    const [cpu] = utilizationData(
      [
        {
          clusterName: 'c',
          serviceName: 's',
          cpuReserved: 0,
          memoryReserved: 1,
          samples: [{ cpuUnitsUsed: 1, memoryMiBUsed: 0 }],
        },
      ],
      MINUTE,
    );
    expect(cpu?.StatisticValues.Sum).toBe((1 / MIN_CPU_RESERVATION_UNITS) * 100);
  });

  it('Average is Σ used ÷ Σ reserved over every sample', () => {
    fc.assert(
      fc.property(tasks, (minutes) => {
        const data = utilizationData(minutes, MINUTE);
        const all = minutes.filter((t) => t.clusterName === 'a' && t.serviceName === 'web');
        if (all.length === 0) return;
        const usedA = all.flatMap((t) => t.samples).reduce((a, s) => a + s.memoryMiBUsed, 0);
        const reservedA = all.reduce((a, t) => a + t.memoryReserved * t.samples.length, 0);
        expect(average(datum(data, 'MemoryUtilization', 'a', 'web'))).toBeCloseTo(
          (usedA / reservedA) * 100,
          6,
        );
      }),
    );
  });

  it('Minimum ≤ Average ≤ Maximum, and SampleCount is the number of tasks', () => {
    fc.assert(
      fc.property(tasks, (minutes) => {
        for (const d of utilizationData(minutes, MINUTE)) {
          const { Minimum, Maximum, SampleCount } = d.StatisticValues;
          expect(Minimum).toBeLessThanOrEqual(average(d) + 1e-9);
          expect(average(d)).toBeLessThanOrEqual(Maximum + 1e-9);
          const cluster = d.Dimensions[0]?.Value;
          const service = d.Dimensions[1]?.Value;
          const members = minutes.filter(
            (t) => t.clusterName === cluster && (service === undefined || t.serviceName === service),
          );
          expect(SampleCount).toBe(members.length);
        }
      }),
    );
  });
});
