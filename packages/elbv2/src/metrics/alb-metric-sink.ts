/**
 * Where ELBv2 hands the AWS/ApplicationELB metrics its data plane measures: CloudWatch's
 * PutMetricData in shape, without depending on a CloudWatch package. The server wires a sink.
 */
import type { Partition } from '@berth/core';

export const ALB_METRIC_NAMESPACE = 'AWS/ApplicationELB';

export interface AlbMetricDimension {
  readonly Name: 'LoadBalancer' | 'TargetGroup';
  readonly Value: string;
}

/** One interval's statistic set of one metric (PutMetricData's MetricDatum with StatisticValues). */
export interface AlbMetricDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly AlbMetricDimension[];
  /** The end of the interval, epoch seconds. */
  readonly Timestamp: number;
  readonly StatisticValues: {
    readonly SampleCount: number;
    readonly Sum: number;
    readonly Minimum: number;
    readonly Maximum: number;
  };
  readonly Unit: 'Count' | 'Seconds';
  readonly StorageResolution: 60;
}

export interface AlbMetricSink {
  putMetricData(
    partition: Partition,
    namespace: string,
    data: readonly AlbMetricDatum[],
  ): Promise<void> | void;
}
