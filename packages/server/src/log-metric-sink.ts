/**
 * Logs' LogMetricSink served by CloudWatch: what metric filters extract from ingested events is
 * published through CloudWatch's putMetricData use case, in the partition the events came in.
 */
import type { CloudWatchUseCases } from '@berth/cloudwatch';
import type { LogMetricSink } from '@berth/logs';

export const logMetricSink = (cloudWatch: CloudWatchUseCases): LogMetricSink => ({
  putMetricData: (scope, namespace, data) =>
    cloudWatch.putMetricData(
      { accountId: scope.accountId, region: scope.region },
      namespace,
      data.map((datum) => ({ ...datum, Dimensions: [...datum.Dimensions], StorageResolution: 60 })),
    ),
});
