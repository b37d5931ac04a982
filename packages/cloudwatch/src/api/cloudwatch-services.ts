/** The CloudWatch use cases the handlers call. */
import type { MetricDataService } from '../services/metric-data/metric-data-service.js';
import type { MetricsService } from '../services/metrics-service.js';

export interface CloudWatchServices {
  readonly metrics: MetricsService;
  readonly metricData: MetricDataService;
}
