/** DescribeAlarms, DescribeAlarmsForMetric and DescribeAlarmHistory over the stored alarms. */
import type { Partition } from '@berth/core';
import { partitionKey } from '@berth/core';
import type { StoreReader } from '@berth/store';
import type {
  DescribeAlarmHistoryInput,
  DescribeAlarmHistoryOutput,
  DescribeAlarmsForMetricInput,
  DescribeAlarmsForMetricOutput,
  DescribeAlarmsInput,
  DescribeAlarmsOutput,
} from '@berth/wire/cloudwatch';

import { invalidNextToken, missingParameter, validationError } from '../services/cloudwatch-errors.js';
import { dimensionsKey } from '@berth/telemetry';
import { decodeToken, encodeToken } from '../services/page-token.js';

import { historyOf } from './alarm-history.js';
import {
  ALARM_KIND,
  type AlarmRecord,
  type CompositeAlarmRecord,
  type MetricAlarmRecord,
} from './alarm-record.js';
import { compositeAlarmView, historyItemView, metricAlarmView } from './alarm-views.js';
import { parseAlarmRule, ruleAlarms } from './composite-rule.js';

const DEFAULT_RECORDS = 50;
const MAX_RECORDS = 100;

const maxRecords = (value: number | undefined): number => {
  if (value === undefined) return DEFAULT_RECORDS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RECORDS)
    throw validationError(
      `1 validation error detected: Value '${value}' at 'maxRecords' failed to satisfy constraint: ` +
        `Member must have value between 1 and ${MAX_RECORDS}`,
    );
  return value;
};

const page = <T>(
  items: readonly T[],
  size: number,
  token: string | undefined,
): { items: T[]; next?: string } => {
  const offset = decodeToken<number>(token, 'number') ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) throw invalidNextToken();
  const end = offset + size;
  return { items: items.slice(offset, end), ...(end < items.length ? { next: encodeToken(end) } : {}) };
};

const nameOf = (ref: string): string => ref.replace(/^arn:aws[a-z-]*:cloudwatch:[^:]*:\d*:alarm:/, '');

const children = (a: CompositeAlarmRecord): string[] => ruleAlarms(parseAlarmRule(a.rule)).map(nameOf);

const sorted = (reader: StoreReader, scope: Partition): AlarmRecord[] =>
  reader.list<AlarmRecord>(ALARM_KIND, partitionKey(scope)).sort((a, b) => (a.name < b.name ? -1 : 1));

export const describeAlarms = (
  reader: StoreReader,
  scope: Partition,
  input: DescribeAlarmsInput,
): DescribeAlarmsOutput => {
  const size = maxRecords(input.MaxRecords);
  if (input.AlarmNames !== undefined && input.AlarmNamePrefix !== undefined)
    throw validationError('AlarmNames and AlarmNamePrefix cannot be specified together.');
  const types = input.AlarmTypes ?? ['MetricAlarm'];
  const all = sorted(reader, scope);
  let alarms = all.filter((a) => types.includes(a.type));
  if (input.AlarmNames) alarms = alarms.filter((a) => input.AlarmNames!.includes(a.name));
  if (input.AlarmNamePrefix !== undefined)
    alarms = alarms.filter((a) => a.name.startsWith(input.AlarmNamePrefix!));
  if (input.StateValue !== undefined) alarms = alarms.filter((a) => a.state.value === input.StateValue);
  if (input.ActionPrefix !== undefined)
    alarms = alarms.filter((a) =>
      [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) =>
        x.startsWith(input.ActionPrefix!),
      ),
    );
  if (input.ChildrenOfAlarmName !== undefined) {
    const parent = all.find((a) => a.name === input.ChildrenOfAlarmName && a.type === 'CompositeAlarm');
    const names = parent ? children(parent as CompositeAlarmRecord) : [];
    alarms = alarms.filter((a) => names.includes(a.name));
  }
  if (input.ParentsOfAlarmName !== undefined) {
    const child = input.ParentsOfAlarmName;
    alarms = alarms.filter((a) => a.type === 'CompositeAlarm' && children(a).includes(child));
  }
  const shown = page(alarms, size, input.NextToken);
  return {
    MetricAlarms: shown.items
      .filter((a): a is MetricAlarmRecord => a.type === 'MetricAlarm')
      .map(metricAlarmView),
    CompositeAlarms: shown.items
      .filter((a): a is CompositeAlarmRecord => a.type === 'CompositeAlarm')
      .map(compositeAlarmView),
    ...(shown.next ? { NextToken: shown.next } : {}),
  };
};

export const describeAlarmsForMetric = (
  reader: StoreReader,
  scope: Partition,
  input: DescribeAlarmsForMetricInput,
): DescribeAlarmsForMetricOutput => {
  if (!input.MetricName) throw missingParameter('MetricName');
  if (!input.Namespace) throw missingParameter('Namespace');
  const dims = dimensionsKey((input.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })));
  const matches = (a: MetricAlarmRecord): boolean => {
    const m = a.metric;
    const ofMetric = (
      namespace?: string,
      name?: string,
      d?: readonly { Name: string; Value: string }[],
    ): boolean =>
      namespace === input.Namespace &&
      name === input.MetricName &&
      (input.Dimensions === undefined ||
        dimensionsKey((d ?? []).map((x) => ({ name: x.Name, value: x.Value }))) === dims);
    const single =
      ofMetric(m.namespace, m.metricName, m.dimensions) &&
      (input.Statistic === undefined || input.Statistic === m.statistic) &&
      (input.Period === undefined || input.Period === m.period) &&
      (input.Unit === undefined || input.Unit === m.unit);
    const inMath = (m.metrics ?? []).some((q) =>
      q.MetricStat
        ? ofMetric(
            q.MetricStat.Metric.Namespace,
            q.MetricStat.Metric.MetricName,
            q.MetricStat.Metric.Dimensions,
          )
        : false,
    );
    return single || inMath;
  };
  return {
    MetricAlarms: sorted(reader, scope)
      .filter((a): a is MetricAlarmRecord => a.type === 'MetricAlarm')
      .filter(matches)
      .map(metricAlarmView),
  };
};

export const describeAlarmHistory = (
  reader: StoreReader,
  scope: Partition,
  input: DescribeAlarmHistoryInput,
): DescribeAlarmHistoryOutput => {
  const size = maxRecords(input.MaxRecords);
  // As DescribeAlarms: without AlarmTypes, metric alarms only.
  const types = input.AlarmTypes ?? ['MetricAlarm'];
  const start = input.StartDate === undefined ? -Infinity : input.StartDate * 1000;
  const end = input.EndDate === undefined ? Infinity : input.EndDate * 1000;
  if (input.ScanBy !== undefined && !['TimestampAscending', 'TimestampDescending'].includes(input.ScanBy))
    throw validationError(`The value ${input.ScanBy} for parameter ScanBy is invalid.`);
  const ascending = input.ScanBy === 'TimestampAscending';
  const items = historyOf(reader, partitionKey(scope), input.AlarmName)
    .filter((h) => types.includes(h.alarmType))
    .filter((h) => input.HistoryItemType === undefined || h.type === input.HistoryItemType)
    .filter((h) => h.timestamp >= start && h.timestamp <= end)
    .map((h, i) => ({ h, i }))
    .sort((a, b) =>
      ascending ? a.h.timestamp - b.h.timestamp || a.i - b.i : b.h.timestamp - a.h.timestamp || b.i - a.i,
    )
    .map(({ h }) => h);
  const shown = page(items, size, input.NextToken);
  return {
    AlarmHistoryItems: shown.items.map(historyItemView),
    ...(shown.next ? { NextToken: shown.next } : {}),
  };
};
