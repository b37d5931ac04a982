/** How alarms and their history items appear on the wire (times in epoch seconds). */
import type { AlarmHistoryItem, CompositeAlarm, MetricAlarm } from '@berth/wire/cloudwatch';

import type { AlarmHistoryEntry, CompositeAlarmRecord, MetricAlarmRecord } from './alarm-record.js';

const seconds = (ms: number): number => ms / 1000;

const common = (a: MetricAlarmRecord | CompositeAlarmRecord) => ({
  AlarmName: a.name,
  AlarmArn: a.arn,
  ...(a.description !== undefined ? { AlarmDescription: a.description } : {}),
  AlarmConfigurationUpdatedTimestamp: seconds(a.configurationUpdatedAt),
  ActionsEnabled: a.actionsEnabled,
  OKActions: [...a.okActions],
  AlarmActions: [...a.alarmActions],
  InsufficientDataActions: [...a.insufficientDataActions],
  StateValue: a.state.value,
  StateReason: a.state.reason,
  ...(a.state.reasonData !== undefined ? { StateReasonData: a.state.reasonData } : {}),
  StateUpdatedTimestamp: seconds(a.state.updatedAt),
  StateTransitionedTimestamp: seconds(a.state.transitionedAt),
});

export const metricAlarmView = (a: MetricAlarmRecord): MetricAlarm => {
  const m = a.metric;
  return {
    ...common(a),
    ...(m.metricName !== undefined ? { MetricName: m.metricName } : {}),
    ...(m.namespace !== undefined ? { Namespace: m.namespace } : {}),
    ...(m.statistic !== undefined ? { Statistic: m.statistic } : {}),
    ...(m.metrics === undefined ? { Dimensions: [...(m.dimensions ?? [])] } : {}),
    ...(m.period !== undefined && m.metrics === undefined ? { Period: m.period } : {}),
    ...(m.unit !== undefined ? { Unit: m.unit } : {}),
    EvaluationPeriods: m.evaluationPeriods,
    ...(m.datapointsToAlarmGiven ? { DatapointsToAlarm: m.datapointsToAlarm } : {}),
    Threshold: m.threshold,
    ComparisonOperator: m.comparisonOperator,
    ...(m.treatMissingDataGiven ? { TreatMissingData: m.treatMissingData } : {}),
    ...(m.metrics !== undefined ? { Metrics: [...m.metrics] } : {}),
  };
};

export const compositeAlarmView = (a: CompositeAlarmRecord): CompositeAlarm => ({
  ...common(a),
  AlarmRule: a.rule,
});

export const historyItemView = (h: AlarmHistoryEntry): AlarmHistoryItem => ({
  AlarmName: h.alarmName,
  AlarmType: h.alarmType,
  Timestamp: seconds(h.timestamp),
  HistoryItemType: h.type,
  HistorySummary: h.summary,
  HistoryData: h.data,
});
