/**
 * Application Auto Scaling's ScalingMetrics port over CloudWatch's GetMetricStatistics use case:
 * the Average of the newest datapoint among the last three periods (AWS/ECS minutes are published
 * a little after they end), in the partition the policy belongs to.
 */
import type { ScalingMetrics } from '@berth/autoscaling';
import type { CloudWatchUseCases } from '@berth/cloudwatch';

export const cloudWatchScalingMetrics = (cloudWatch: CloudWatchUseCases): ScalingMetrics => ({
  average: async (partition, namespace, metricName, dimensions, periodSeconds, now) => {
    const end = Math.floor(now / 1000);
    const { Datapoints = [] } = await cloudWatch.getMetricStatistics(partition, {
      Namespace: namespace,
      MetricName: metricName,
      Dimensions: dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
      StartTime: end - 3 * periodSeconds,
      EndTime: end,
      Period: periodSeconds,
      Statistics: ['Average'],
    });
    const newest = [...Datapoints].sort((a, b) => (b.Timestamp ?? 0) - (a.Timestamp ?? 0))[0];
    return newest?.Average;
  },
});
