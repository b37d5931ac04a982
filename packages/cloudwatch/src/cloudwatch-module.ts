/**
 * Wires CloudWatch over one MetricStore (metric points) and the state store (alarms): the API
 * service the gateway routes to, the use cases other packages call, the retention sweep and the
 * alarm evaluator (start/stop run both periodically; run the evaluator on the leader only).
 */
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';
import type { MetricStore, SweepOutcome } from '@berth/telemetry';

import { AlarmActionDispatcher } from './alarms/alarm-action-dispatcher.js';
import { NO_ALARM_ACTIONS, type AlarmActionSink } from './alarms/alarm-action-sink.js';
import { AlarmEvaluator } from './alarms/alarm-evaluator.js';
import { AlarmTagsService } from './alarms/alarm-tags.js';
import { AlarmsService } from './alarms/alarms-service.js';
import { cloudWatchService } from './api/cloudwatch-service.js';
import type { CloudWatchServices } from './api/cloudwatch-services.js';
import { cloudWatchUseCases, type CloudWatchUseCases } from './cloudwatch-use-cases.js';
import { MetricDataService } from './services/metric-data/metric-data-service.js';
import { MetricsService } from './services/metrics-service.js';

export interface CloudWatchModuleConfig {
  readonly metrics: MetricStore;
  /** Where alarm definitions, states and history live. */
  readonly store: StateStore;
  readonly now?: () => number;
  /** How often the retention sweep runs (default hourly). */
  readonly sweepEveryMs?: number;
  /** How often the alarm evaluator looks for passed period boundaries (default 2 s). */
  readonly alarmEvaluationEveryMs?: number;
  /** Where alarm actions go (default: none; every action fails and its history says so). */
  readonly alarmActions?: AlarmActionSink;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface CloudWatchModule {
  readonly services: CloudWatchServices;
  readonly api: ApiService;
  readonly useCases: CloudWatchUseCases;
  /** Rolls up and expires metric points as CloudWatch's retention says. */
  sweep(): Promise<SweepOutcome>;
  /** One pass of the alarm evaluator (start() runs it periodically). */
  evaluateAlarms(): Promise<void>;
  start(): void;
  stop(): void;
}

export const createCloudWatchModule = (config: CloudWatchModuleConfig): CloudWatchModule => {
  const now = config.now ?? Date.now;
  const deps = { store: config.metrics, now };
  const actions = new AlarmActionDispatcher(
    config.store,
    config.alarmActions ?? NO_ALARM_ACTIONS,
    now,
    config.log,
  );
  const metricData = new MetricDataService(deps);
  const services: CloudWatchServices = {
    metrics: new MetricsService(deps),
    metricData,
    alarms: new AlarmsService({ store: config.store, now, actions }),
    alarmTags: new AlarmTagsService(config.store),
    store: config.store,
  };
  const evaluator = new AlarmEvaluator({
    store: config.store,
    metricData,
    actions,
    now,
    ...(config.log ? { log: config.log } : {}),
  });
  const sweep = (): Promise<SweepOutcome> => config.metrics.sweep(now());
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, work: () => Promise<unknown>, what: string): void => {
    const timer = setInterval(() => {
      work().catch((error: unknown) => config.log?.(`${what} failed`, { error: String(error) }));
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  return {
    services,
    api: cloudWatchService(services),
    useCases: cloudWatchUseCases(services.metrics, services.alarms),
    sweep,
    evaluateAlarms: () => evaluator.tick(),
    start: () => {
      if (timers.length > 0) return;
      every(config.sweepEveryMs ?? 3_600_000, sweep, 'metric sweep');
      every(config.alarmEvaluationEveryMs ?? 2000, () => evaluator.tick(), 'alarm evaluation');
    },
    stop: () => {
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
};
