/**
 * Where metric filters hand the metric data they extract: CloudWatch's PutMetricData in shape,
 * without depending on the CloudWatch package. The server wires a sink over CloudWatch's
 * putMetricData use case; without one the data is dropped.
 */
import type { LogScope } from '@berth/telemetry';
import type { StandardUnit } from '@berth/wire/logs';

export interface LogMetricDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
  /** The start of the minute, epoch seconds. */
  readonly Timestamp: number;
  readonly StatisticValues: {
    readonly SampleCount: number;
    readonly Sum: number;
    readonly Minimum: number;
    readonly Maximum: number;
  };
  readonly Unit?: StandardUnit;
}

export interface LogMetricSink {
  putMetricData(scope: LogScope, namespace: string, data: readonly LogMetricDatum[]): Promise<void>;
}

export const DROPPING_LOG_METRIC_SINK: LogMetricSink = { putMetricData: () => Promise.resolve() };
