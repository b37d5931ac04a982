/**
 * Application Auto Scaling's ScalingMetrics port over CloudWatch's GetMetricStatistics use case:
 * the Average of the newest datapoint among the last three periods, or the last two minutes when
 * that is longer (AWS/ECS points are published a little after their period ends, so the newest
 * periods are often still empty when an alarm fires), in the partition the policy belongs to.
 */
import type { ScalingMetrics } from '@berth/autoscaling';
import type { CloudWatchUseCases } from '@berth/cloudwatch';

const LOOKBACK_FLOOR_SECONDS = 120;

export const cloudWatchScalingMetrics = (cloudWatch: CloudWatchUseCases): ScalingMetrics => ({
  average: async (partition, namespace, metricName, dimensions, periodSeconds, now) => {
    const end = Math.floor(now / 1000);
    const { Datapoints = [] } = await cloudWatch.getMetricStatistics(partition, {
      Namespace: namespace,
      MetricName: metricName,
      Dimensions: dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
      StartTime: end - Math.max(3 * periodSeconds, LOOKBACK_FLOOR_SECONDS),
      EndTime: end,
      Period: periodSeconds,
      Statistics: ['Average'],
    });
    const newest = [...Datapoints].sort((a, b) => (b.Timestamp ?? 0) - (a.Timestamp ?? 0))[0];
    return newest?.Average;
  },
});
