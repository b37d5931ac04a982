/**
 * Wires the CloudWatch metrics API over one MetricStore: the API service the gateway routes to,
 * the use cases other packages call, and the retention sweep (start/stop run it periodically).
 */
import type { ApiService } from '@berth/gateway';
import type { MetricStore, SweepOutcome } from '@berth/telemetry';

import { cloudWatchService } from './api/cloudwatch-service.js';
import type { CloudWatchServices } from './api/cloudwatch-services.js';
import { cloudWatchUseCases, type CloudWatchUseCases } from './cloudwatch-use-cases.js';
import { MetricDataService } from './services/metric-data/metric-data-service.js';
import { MetricsService } from './services/metrics-service.js';

export interface CloudWatchModuleConfig {
  readonly metrics: MetricStore;
  readonly now?: () => number;
  /** How often the retention sweep runs (default hourly). */
  readonly sweepEveryMs?: number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface CloudWatchModule {
  readonly services: CloudWatchServices;
  readonly api: ApiService;
  readonly useCases: CloudWatchUseCases;
  /** Rolls up and expires metric points as CloudWatch's retention says. */
  sweep(): Promise<SweepOutcome>;
  start(): void;
  stop(): void;
}

export const createCloudWatchModule = (config: CloudWatchModuleConfig): CloudWatchModule => {
  const deps = { store: config.metrics, now: config.now ?? Date.now };
  const services: CloudWatchServices = {
    metrics: new MetricsService(deps),
    metricData: new MetricDataService(deps),
  };
  const sweep = (): Promise<SweepOutcome> => config.metrics.sweep(deps.now());
  let timer: NodeJS.Timeout | undefined;
  return {
    services,
    api: cloudWatchService(services),
    useCases: cloudWatchUseCases(services.metrics),
    sweep,
    start: () => {
      timer ??= setInterval(() => {
        sweep().catch((error: unknown) => config.log?.('metric sweep failed', { error: String(error) }));
      }, config.sweepEveryMs ?? 3_600_000);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
};
