import { describe, expect, it } from 'vitest';

import { createCloudWatchModule } from '@berth/cloudwatch';
import { MemoryStateStore } from '@berth/store';
import { SqliteMetricStore } from '@berth/telemetry';

import { cloudWatchScalingMetrics } from './scaling-metrics.js';

const PARTITION = { accountId: '123456789012', region: 'us-east-1' };
const DIMENSIONS = [
  { Name: 'ClusterName', Value: 'c' },
  { Name: 'ServiceName', Value: 'web' },
];
const T = 1_767_225_600; // a minute boundary, epoch seconds

const cpu = (timestamp: number, average: number, storageResolution: 1 | 60) => ({
  MetricName: 'CPUUtilization',
  Dimensions: DIMENSIONS,
  Timestamp: timestamp,
  StatisticValues: { SampleCount: 2, Sum: 2 * average, Minimum: average, Maximum: average },
  Unit: 'Percent' as const,
  StorageResolution: storageResolution,
});

describe('the scaling metrics adapter over CloudWatch', () => {
  it('reads the newest 10-s average of high-resolution AWS/ECS points', async () => {
    const now = (T + 40) * 1000;
    const cloudWatch = createCloudWatchModule({
      metrics: new SqliteMetricStore(':memory:'),
      store: new MemoryStateStore(),
      now: () => now,
    });
    await cloudWatch.useCases.putMetricData(PARTITION, 'AWS/ECS', [
      cpu(T, 20, 1),
      cpu(T + 10, 40, 1),
      cpu(T + 20, 90, 1),
    ]);
    const metrics = cloudWatchScalingMetrics(cloudWatch.useCases);
    expect(await metrics.average(PARTITION, 'AWS/ECS', 'CPUUtilization', DIMENSIONS, 10, now)).toBe(90);
    expect(
      await metrics.average(PARTITION, 'AWS/ECS', 'CPUUtilization', [DIMENSIONS[0]!], 10, now),
    ).toBeUndefined();
  });

  it('looks back two minutes when the newest 10-s periods are still unpublished', async () => {
    const now = (T + 80) * 1000;
    const cloudWatch = createCloudWatchModule({
      metrics: new SqliteMetricStore(':memory:'),
      store: new MemoryStateStore(),
      now: () => now,
    });
    await cloudWatch.useCases.putMetricData(PARTITION, 'AWS/ECS', [cpu(T, 20, 1), cpu(T + 10, 90, 1)]);
    const metrics = cloudWatchScalingMetrics(cloudWatch.useCases);
    expect(await metrics.average(PARTITION, 'AWS/ECS', 'CPUUtilization', DIMENSIONS, 10, now)).toBe(90);
  });

  it('reads the newest minute of 1-minute points', async () => {
    const now = (T + 190) * 1000;
    const cloudWatch = createCloudWatchModule({
      metrics: new SqliteMetricStore(':memory:'),
      store: new MemoryStateStore(),
      now: () => now,
    });
    await cloudWatch.useCases.putMetricData(PARTITION, 'AWS/ECS', [cpu(T, 30, 60), cpu(T + 60, 75, 60)]);
    const metrics = cloudWatchScalingMetrics(cloudWatch.useCases);
    expect(await metrics.average(PARTITION, 'AWS/ECS', 'CPUUtilization', DIMENSIONS, 60, now)).toBe(75);
  });
});
