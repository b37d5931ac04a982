import type { LogEventsService } from '../services/events/log-events-service.js';
import type { LogGroupsService } from '../services/log-groups-service.js';
import type { LogStreamsService } from '../services/log-streams-service.js';
import type { MetricFiltersService } from '../services/metric-filters/metric-filters-service.js';
import type { SubscriptionFiltersService } from '../services/subscription-filters/subscription-filters-service.js';

/** The use cases the Logs handlers call. */
export interface LogsServices {
  readonly groups: LogGroupsService;
  readonly streams: LogStreamsService;
  readonly events: LogEventsService;
  readonly metricFilters: MetricFiltersService;
  readonly subscriptionFilters: SubscriptionFiltersService;
}
