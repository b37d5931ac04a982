import { describe, expect, it } from 'vitest';

import { MemoryStateStore } from '@berth/store';

import { KIND } from '../services/records.js';
import type { MetricDatum } from '../services/task-metrics/metric-sink.js';
import { TaskSampleBuffer } from '../services/task-metrics/task-sample-buffer.js';

import { TaskMetricsController } from './task-metrics-controller.js';

const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:000000000000:cluster/c';
const TASK_ARN = 'arn:aws:ecs:us-east-1:000000000000:task/c/0123456789abcdef0123456789abcdef';
const T = 1_700_000_040_000; // a minute boundary

const published = async (highResolution: boolean): Promise<MetricDatum[]> => {
  const store = new MemoryStateStore();
  store.transact((tx) =>
    tx.put(KIND.task, TASK_ARN, CLUSTER_ARN, {
      clusterArn: CLUSTER_ARN,
      task: { taskArn: TASK_ARN, group: 'service:web', lastStatus: 'RUNNING' },
      reservation: { cpu: 256, memory: 512 },
    }),
  );
  const samples = new TaskSampleBuffer();
  for (let ms = 0; ms < 20_000; ms += 2000) {
    samples.add({
      taskArn: TASK_ARN,
      timestamp: T + ms,
      cpuUnitsUsed: ms < 10_000 ? 128 : 256,
      memoryMiBUsed: 256,
    });
  }
  const data: MetricDatum[] = [];
  let now = T + 20_000;
  const controller = new TaskMetricsController({
    store,
    samples,
    sink: { putMetricData: (_p, _ns, batch) => void data.push(...batch) },
    now: () => now,
    log: () => undefined,
    highResolution,
  });
  await controller.publishEndedMinutes();
  now = T + 60_000 + 10_000;
  await controller.publishEndedMinutes();
  return data.filter((d) => d.MetricName === 'CPUUtilization' && d.Dimensions.length === 2);
};

describe('the AWS/ECS metrics controller', () => {
  it('folds per minute at StorageResolution 60 by default', async () => {
    const data = await published(false);
    expect(data.map((d) => [d.Timestamp, d.StorageResolution])).toEqual([[T / 1000, 60]]);
    expect(data[0]!.StatisticValues.Sum / data[0]!.StatisticValues.SampleCount).toBeCloseTo(75);
  });

  it('folds per 10 s at StorageResolution 1 with high resolution, so 10-s alarms can read it', async () => {
    const data = await published(true);
    expect(data.map((d) => [d.Timestamp, d.StorageResolution])).toEqual([
      [T / 1000, 1],
      [T / 1000 + 10, 1],
    ]);
    expect(data.map((d) => d.StatisticValues.Sum / d.StatisticValues.SampleCount)).toEqual([50, 100]);
  });
});
