/**
 * Wires the CloudWatch Logs API: its use cases over one telemetry store, the API service the
 * gateway routes to, the use cases other packages call, and the retention sweep (start/stop).
 */
import type { ApiService } from '@berth/gateway';
import type { LogStore } from '@berth/telemetry';

import { logsService } from './api/logs-service.js';
import type { LogsServices } from './api/logs-services.js';
import { LogRetentionSweeper } from './controllers/log-retention-sweeper.js';
import { logsUseCases, type LogsUseCases } from './logs-use-cases.js';
import { LogEventsService } from './services/events/log-events-service.js';
import { LogGroupsService } from './services/log-groups-service.js';
import { LogStreamsService } from './services/log-streams-service.js';
import { DROPPING_LOG_METRIC_SINK, type LogMetricSink } from './services/metric-filters/log-metric-sink.js';
import { MetricFiltersService } from './services/metric-filters/metric-filters-service.js';
import { SubscriptionFiltersService } from './services/subscription-filters/subscription-filters-service.js';

export interface LogsModuleConfig {
  readonly store: LogStore;
  readonly now?: () => number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Where metric filters publish what they extract (CloudWatch); default: dropped. */
  readonly metricSink?: LogMetricSink;
  /** How often the retention sweep runs (default: every minute). */
  readonly retentionSweepIntervalMs?: number;
}

export interface LogsModule {
  readonly services: LogsServices;
  readonly api: ApiService;
  readonly useCases: LogsUseCases;
  readonly retention: LogRetentionSweeper;
  /** Starts the retention sweep. */
  start(): void;
  /** Stops it, waiting for a sweep in progress. */
  stop(): Promise<void>;
}

export const createLogsModule = (config: LogsModuleConfig): LogsModule => {
  const deps = { store: config.store, now: config.now ?? Date.now };
  const log = config.log ?? (() => undefined);
  const streams = new LogStreamsService(deps);
  const metricFilters = new MetricFiltersService(deps, config.metricSink ?? DROPPING_LOG_METRIC_SINK, log);
  const services: LogsServices = {
    groups: new LogGroupsService(deps),
    streams,
    events: new LogEventsService(deps, streams, metricFilters),
    metricFilters,
    subscriptionFilters: new SubscriptionFiltersService(deps),
  };
  const retention = new LogRetentionSweeper(config.store, deps.now, log, config.retentionSweepIntervalMs);
  return {
    services,
    api: logsService(services),
    useCases: logsUseCases(services),
    retention,
    start: () => retention.start(),
    stop: () => retention.stop(),
  };
};
