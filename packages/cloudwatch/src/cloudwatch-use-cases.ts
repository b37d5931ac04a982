/**
 * What other packages call: ECS and ELBv2 publish their built-in metrics (`AWS/ECS`,
 * `AWS/ApplicationELB`) with putMetricData; alarms and auto scaling read statistics back.
 */
import type {
  GetMetricStatisticsInput,
  GetMetricStatisticsOutput,
  MetricDatum,
} from '@berth/wire/cloudwatch';
import type { MetricScope } from '@berth/telemetry';

import type { MetricsService } from './services/metrics-service.js';

export interface CloudWatchUseCases {
  /** Publishes metric data as PutMetricData does, `AWS/` namespaces included. */
  putMetricData(scope: MetricScope, namespace: string, data: readonly MetricDatum[]): Promise<void>;
  getMetricStatistics(
    scope: MetricScope,
    input: GetMetricStatisticsInput,
  ): Promise<GetMetricStatisticsOutput>;
}

export const cloudWatchUseCases = (metrics: MetricsService): CloudWatchUseCases => ({
  putMetricData: (scope, namespace, data) => metrics.put(scope, namespace, data, true),
  getMetricStatistics: (scope, input) => metrics.getStatistics(scope, input),
});
