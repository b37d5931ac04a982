/**
 * The metric sinks of ECS (AWS/ECS), ELBv2 (AWS/ApplicationELB) and CloudWatch Logs (metric
 * filters) served by CloudWatch: each port hands over PutMetricData's MetricDatum, read-only, with
 * the partition it was measured in, and this one adapter publishes it through CloudWatch's
 * putMetricData use case (a datum without StorageResolution is 1-minute, as on AWS).
 */
import type { CloudWatchUseCases } from '@berth/cloudwatch';
import type { StandardUnit } from '@berth/wire/cloudwatch';

interface PortDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
  readonly Timestamp: number;
  readonly StatisticValues: {
    readonly SampleCount: number;
    readonly Sum: number;
    readonly Minimum: number;
    readonly Maximum: number;
  };
  readonly Unit?: StandardUnit;
  readonly StorageResolution?: 1 | 60;
}

export interface CloudWatchMetricSink {
  putMetricData(
    scope: { readonly accountId: string; readonly region: string },
    namespace: string,
    data: readonly PortDatum[],
  ): Promise<void>;
}

export const cloudWatchMetricSink = (cloudWatch: CloudWatchUseCases): CloudWatchMetricSink => ({
  putMetricData: (scope, namespace, data) =>
    cloudWatch.putMetricData(
      { accountId: scope.accountId, region: scope.region },
      namespace,
      data.map((datum) => ({ ...datum, Dimensions: [...datum.Dimensions] })),
    ),
});
