/**
 * ECS's MetricSink served by CloudWatch: the AWS/ECS statistic sets ECS folds each minute are
 * published through CloudWatch's putMetricData use case, in the partition they were measured in.
 */
import type { CloudWatchUseCases } from '@berth/cloudwatch';
import type { MetricSink } from '@berth/ecs';

export const ecsMetricSink = (cloudWatch: CloudWatchUseCases): MetricSink => ({
  putMetricData: (partition, namespace, data) =>
    cloudWatch.putMetricData(
      { accountId: partition.accountId, region: partition.region },
      namespace,
      data.map((datum) => ({ ...datum, Dimensions: [...datum.Dimensions] })),
    ),
});
