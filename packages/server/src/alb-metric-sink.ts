/**
 * ELBv2's AlbMetricSink served by CloudWatch: the AWS/ApplicationELB statistic sets the data
 * plane's collector measures each interval are published through CloudWatch's putMetricData use
 * case, in the partition of the load balancer they were measured on.
 */
import type { CloudWatchUseCases } from '@berth/cloudwatch';
import type { AlbMetricSink } from '@berth/elbv2';

export const albMetricSink = (cloudWatch: CloudWatchUseCases): AlbMetricSink => ({
  putMetricData: (partition, namespace, data) =>
    cloudWatch.putMetricData(
      { accountId: partition.accountId, region: partition.region },
      namespace,
      data.map((datum) => ({ ...datum, Dimensions: [...datum.Dimensions] })),
    ),
});
