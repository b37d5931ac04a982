/**
 * Publishes the AWS/ECS metrics once a minute: for each minute that ended, it folds the agents'
 * task samples into CPUUtilization/MemoryUtilization statistic sets (per service against the
 * tasks' reservations, per cluster against its instances' capacity) and adds the clusters'
 * CPUReservation/MemoryReservation, then hands them to the metric sink per partition. A sink
 * failure is logged and that minute is not retried (metrics are best effort, as on ECS).
 */
import type { Partition } from '@berth/core';
import type { StateStore } from '@berth/store';

import {
  ECS_METRIC_NAMESPACE,
  type MetricDatum,
  type MetricSink,
} from '../services/task-metrics/metric-sink.js';
import { MAX_MINUTES_BEHIND, MINUTE_MS, minutesToFold } from '../services/task-metrics/metric-minutes.js';
import {
  clusterCapacityByPartition,
  taskMinutesByPartition,
} from '../services/task-metrics/metric-inputs.js';
import { clusterUtilizationData } from '../services/task-metrics/cluster-utilization-data.js';
import { reservationData } from '../services/task-metrics/reservation-data.js';
import type { TaskSampleBuffer } from '../services/task-metrics/task-sample-buffer.js';
import { utilizationData } from '../services/task-metrics/utilization-data.js';

export interface TaskMetricsControllerOptions {
  readonly store: StateStore;
  readonly samples: TaskSampleBuffer;
  readonly sink: MetricSink;
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** How often ended minutes are looked for; default 60 s. */
  readonly intervalMs?: number;
}

export class TaskMetricsController {
  private timer: NodeJS.Timeout | undefined;
  private lastFolded: number | undefined;
  private publishing: Promise<void> = Promise.resolve();

  constructor(private readonly options: TaskMetricsControllerOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.publishing = this.publishing.then(() => this.publishEndedMinutes());
    }, this.options.intervalMs ?? MINUTE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Folds and publishes every minute that is ready; resolves once the sink has taken them. */
  async publishEndedMinutes(): Promise<void> {
    const nowMs = this.options.now();
    for (const start of minutesToFold(this.lastFolded, nowMs)) {
      this.lastFolded = start;
      await this.publishMinute(start);
    }
    this.options.samples.forgetBefore(nowMs - MAX_MINUTES_BEHIND * MINUTE_MS);
  }

  private async publishMinute(startMs: number): Promise<void> {
    const timestamp = startMs / 1000;
    const tasks = taskMinutesByPartition(
      this.options.store,
      this.options.samples.samplesIn(startMs, startMs + MINUTE_MS),
    );
    const data = new Map<string, MetricDatum[]>();
    for (const [key, minutes] of tasks) data.set(key, utilizationData(minutes, timestamp));
    for (const [key, { clusters, instances }] of clusterCapacityByPartition(this.options.store)) {
      const ofCluster = [
        ...clusterUtilizationData(instances, tasks.get(key) ?? [], timestamp),
        ...reservationData(clusters, timestamp),
      ];
      data.set(key, [...(data.get(key) ?? []), ...ofCluster]);
    }
    for (const [key, partitionData] of data) {
      if (partitionData.length === 0) continue;
      // Partition keys are `<accountId>/<region>` (core's partitionKey).
      const [accountId = '', region = ''] = key.split('/');
      await this.put({ accountId, region }, partitionData);
    }
  }

  private async put(partition: Partition, data: MetricDatum[]): Promise<void> {
    try {
      await this.options.sink.putMetricData(partition, ECS_METRIC_NAMESPACE, data);
    } catch (error) {
      this.options.log('could not publish AWS/ECS metrics', {
        error: String(error),
        datapoints: data.length,
      });
    }
  }
}
