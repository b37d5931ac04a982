import { describe, expect, it } from 'vitest';

import { clusterUtilizationData, type InstanceCapacity } from './cluster-utilization-data.js';
import type { TaskMinute } from './utilization-data.js';

const MINUTE = 1_700_000_040;

const instance = (arn: string, cpu = 2048, memory = 4096): InstanceCapacity => ({
  clusterName: 'c',
  containerInstanceArn: arn,
  registeredCpu: cpu,
  registeredMemory: memory,
});

const task = (arn: string | undefined, cpuUsed: number[], memoryUsed = 0): TaskMinute => ({
  clusterName: 'c',
  serviceName: 'web',
  ...(arn === undefined ? {} : { containerInstanceArn: arn }),
  cpuReserved: 256,
  memoryReserved: 512,
  samples: cpuUsed.map((cpuUnitsUsed) => ({ cpuUnitsUsed, memoryMiBUsed: memoryUsed })),
});

const cpuOf = (data: ReturnType<typeof clusterUtilizationData>) =>
  data.find((d) => d.MetricName === 'CPUUtilization')?.StatisticValues;

describe('clusterUtilizationData', () => {
  it('is what tasks use of what the instances registered, idle instances included', () => {
    // i1 runs tasks using 512 and 1024 units on average (of 2048); i2 is idle.
    const data = clusterUtilizationData(
      [instance('i1'), instance('i2')],
      [task('i1', [500, 524]), task('i1', [1024])],
      MINUTE,
    );
    expect(cpuOf(data)).toEqual({ SampleCount: 2, Sum: 37.5 * 2, Minimum: 0, Maximum: 75 });
    expect(data.map((d) => d.Dimensions)).toEqual([
      [{ Name: 'ClusterName', Value: 'c' }],
      [{ Name: 'ClusterName', Value: 'c' }],
    ]);
  });

  it('leaves out tasks on Fargate capacity, and says nothing for a cluster with only those', () => {
    const onlyFargate = clusterUtilizationData([instance('i1')], [task(undefined, [256])], MINUTE);
    expect(onlyFargate).toEqual([]);
    const mixed = clusterUtilizationData(
      [instance('i1')],
      [task(undefined, [2048]), task('i1', [1024])],
      MINUTE,
    );
    expect(cpuOf(mixed)?.Maximum).toBe(50);
  });

  it('measures memory against registered memory', () => {
    const data = clusterUtilizationData([instance('i1', 1024, 1000)], [task('i1', [0], 250)], MINUTE);
    expect(data.find((d) => d.MetricName === 'MemoryUtilization')?.StatisticValues.Sum).toBe(25);
  });
});
