/** The CloudWatch use cases the handlers call. */
import type { StoreReader } from '@berth/store';

import type { AlarmTagsService } from '../alarms/alarm-tags.js';
import type { AlarmsService } from '../alarms/alarms-service.js';
import type { MetricDataService } from '../services/metric-data/metric-data-service.js';
import type { MetricsService } from '../services/metrics-service.js';

export interface CloudWatchServices {
  readonly metrics: MetricsService;
  readonly metricData: MetricDataService;
  readonly alarms: AlarmsService;
  readonly alarmTags: AlarmTagsService;
  /** What the alarm queries read. */
  readonly store: StoreReader;
}
