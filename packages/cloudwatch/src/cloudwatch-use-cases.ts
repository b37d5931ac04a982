/**
 * What other packages call: ECS and ELBv2 publish their built-in metrics (`AWS/ECS`,
 * `AWS/ApplicationELB`) with putMetricData; auto scaling reads statistics back and keeps its
 * target-tracking alarms with putMetricAlarm/deleteAlarms; ECS watches deployment alarms with
 * alarmStates. Alarms belong to a partition (account and region): every alarm use case names it.
 */
import type { Partition } from '@berth/core';
import type {
  GetMetricStatisticsInput,
  GetMetricStatisticsOutput,
  MetricDatum,
  PutMetricAlarmInput,
} from '@berth/wire/cloudwatch';
import type { MetricScope } from '@berth/telemetry';

import type { AlarmStateValue } from './alarms/alarm-record.js';
import type { AlarmsService } from './alarms/alarms-service.js';
import type { MetricsService } from './services/metrics-service.js';

export interface CloudWatchUseCases {
  /** Publishes metric data as PutMetricData does, `AWS/` namespaces included. */
  putMetricData(scope: MetricScope, namespace: string, data: readonly MetricDatum[]): Promise<void>;
  getMetricStatistics(
    scope: MetricScope,
    input: GetMetricStatisticsInput,
  ): Promise<GetMetricStatisticsOutput>;
  /** PutMetricAlarm, with the API's validation (rejects with the same ApiError). */
  putMetricAlarm(input: PutMetricAlarmInput, scope: Partition): Promise<void>;
  /** DeleteAlarms: all of them, or none (ResourceNotFound) when one does not exist. */
  deleteAlarms(names: readonly string[], scope: Partition): Promise<void>;
  /** The state of each named alarm that exists (missing names are absent). */
  alarmStates(names: readonly string[], scope: Partition): Promise<Map<string, AlarmStateValue>>;
}

export const cloudWatchUseCases = (metrics: MetricsService, alarms: AlarmsService): CloudWatchUseCases => ({
  putMetricData: (scope, namespace, data) => metrics.put(scope, namespace, data, true),
  getMetricStatistics: (scope, input) => metrics.getStatistics(scope, input),
  putMetricAlarm: (input, scope) => Promise.resolve().then(() => alarms.putMetricAlarm(scope, input)),
  deleteAlarms: (names, scope) => Promise.resolve().then(() => alarms.delete(scope, names)),
  alarmStates: (names, scope) => {
    const states = new Map<string, AlarmStateValue>();
    for (const name of names) {
      const alarm = alarms.find(scope, name);
      if (alarm) states.set(name, alarm.state.value);
    }
    return Promise.resolve(states);
  },
});
