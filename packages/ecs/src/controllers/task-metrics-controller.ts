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
import {
  HIGH_RESOLUTION_PERIOD_MS,
  MAX_MINUTES_BEHIND,
  MINUTE_MS,
  periodsToFold,
} from '../services/task-metrics/metric-minutes.js';
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
  /** How often ended minutes are looked for; default 60 s (10 s with high resolution). */
  readonly intervalMs?: number;
  /**
   * Fold CPUUtilization/MemoryUtilization per 10 s at StorageResolution 1 instead of per minute, so
   * a 10-s alarm can read them (the server sets it when agents sample faster than once a minute).
   * The cluster reservations stay per minute.
   */
  readonly highResolution?: boolean;
}

export class TaskMetricsController {
  private timer: NodeJS.Timeout | undefined;
  private lastFolded: number | undefined;
  private publishing: Promise<void> = Promise.resolve();

  constructor(private readonly options: TaskMetricsControllerOptions) {}

  private get periodMs(): number {
    return this.options.highResolution === true ? HIGH_RESOLUTION_PERIOD_MS : MINUTE_MS;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.publishing = this.publishing.then(() => this.publishEndedMinutes());
    }, this.options.intervalMs ?? this.periodMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Folds and publishes every minute that is ready; resolves once the sink has taken them. */
  async publishEndedMinutes(): Promise<void> {
    const nowMs = this.options.now();
    for (const start of periodsToFold(this.lastFolded, nowMs, this.periodMs)) {
      this.lastFolded = start;
      await this.publishPeriod(start);
    }
    this.options.samples.forgetBefore(nowMs - MAX_MINUTES_BEHIND * MINUTE_MS);
  }

  private async publishPeriod(startMs: number): Promise<void> {
    const timestamp = startMs / 1000;
    const tasks = taskMinutesByPartition(
      this.options.store,
      this.options.samples.samplesIn(startMs, startMs + this.periodMs),
    );
    const resolution = this.options.highResolution === true ? 1 : 60;
    const data = new Map<string, MetricDatum[]>();
    for (const [key, minutes] of tasks) data.set(key, utilizationData(minutes, timestamp, resolution));
    // Reservations are a per-minute reading: published once, with the period that starts the minute.
    const startsMinute = startMs % MINUTE_MS === 0;
    for (const [key, { clusters, instances }] of clusterCapacityByPartition(this.options.store)) {
      const ofCluster = [
        ...clusterUtilizationData(instances, tasks.get(key) ?? [], timestamp, resolution),
        ...(startsMinute ? reservationData(clusters, timestamp) : []),
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
