/**
 * Where ECS hands the AWS/ECS metrics it computes: CloudWatch's PutMetricData in shape, without
 * depending on a CloudWatch package. The server wires a sink; without one they are dropped.
 */
import type { Partition } from '@berth/core';

export const ECS_METRIC_NAMESPACE = 'AWS/ECS';

export interface MetricDimension {
  readonly Name: string;
  readonly Value: string;
}

/**
 * One period's statistic set of one metric (PutMetricData's MetricDatum with StatisticValues): a
 * minute at StorageResolution 60, or a 10-s period at StorageResolution 1 (high resolution).
 */
export interface MetricDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly MetricDimension[];
  /** The start of the period, epoch seconds. */
  readonly Timestamp: number;
  readonly StatisticValues: {
    readonly SampleCount: number;
    readonly Sum: number;
    readonly Minimum: number;
    readonly Maximum: number;
  };
  readonly Unit: 'Percent';
  readonly StorageResolution: 1 | 60;
}

export interface MetricSink {
  putMetricData(partition: Partition, namespace: string, data: readonly MetricDatum[]): Promise<void> | void;
}

export const DROPPING_METRIC_SINK: MetricSink = { putMetricData: () => undefined };
