/**
 * What Berth keeps of one alarm in the state store (kind ALARM_KIND, scope the partition key,
 * key `<partition>|<name>`), and of its history (kind ALARM_HISTORY_KIND, one capped record per
 * alarm under the same key). Alarm definitions and states are control-plane state: they survive a
 * restart and every server replica reads the same ones.
 */
import type { Dimension, MetricDataQuery, StandardUnit, Statistic, Tag } from '@berth/wire/cloudwatch';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type TreatMissingData = 'missing' | 'breaching' | 'notBreaching' | 'ignore';
export type StaticComparison =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export const ALARM_KIND = 'cloudwatch-alarm';
export const ALARM_HISTORY_KIND = 'cloudwatch-alarm-history';

export const alarmKey = (partitionKey: string, name: string): string => `${partitionKey}|${name}`;

export interface AlarmState {
  readonly value: AlarmStateValue;
  readonly reason: string;
  /** JSON text, as StateReasonData. */
  readonly reasonData?: string;
  /** Epoch ms of the last state update, and of the last change of value. */
  readonly updatedAt: number;
  readonly transitionedAt: number;
}

/** A metric alarm's evaluation settings, checked: one metric (Statistic) or a math query (Metrics). */
export interface MetricAlarmConfig {
  readonly metricName?: string;
  readonly namespace?: string;
  readonly statistic?: Statistic;
  readonly dimensions?: readonly Dimension[];
  readonly period?: number;
  readonly unit?: StandardUnit;
  readonly metrics?: readonly MetricDataQuery[];
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: StaticComparison;
  readonly treatMissingData: TreatMissingData;
  /** Whether TreatMissingData was given (DescribeAlarms shows it only then). */
  readonly treatMissingDataGiven: boolean;
  readonly datapointsToAlarmGiven: boolean;
}

interface AlarmBase {
  readonly partitionKey: string;
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly actionsEnabled: boolean;
  readonly okActions: readonly string[];
  readonly alarmActions: readonly string[];
  readonly insufficientDataActions: readonly string[];
  /** Epoch ms. */
  readonly configurationUpdatedAt: number;
  readonly state: AlarmState;
  readonly tags: readonly Tag[];
}

export interface MetricAlarmRecord extends AlarmBase {
  readonly type: 'MetricAlarm';
  readonly metric: MetricAlarmConfig;
}

export interface CompositeAlarmRecord extends AlarmBase {
  readonly type: 'CompositeAlarm';
  readonly rule: string;
}

export type AlarmRecord = MetricAlarmRecord | CompositeAlarmRecord;

export interface AlarmHistoryEntry {
  readonly alarmName: string;
  readonly alarmType: AlarmRecord['type'];
  /** Epoch ms. */
  readonly timestamp: number;
  readonly type: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  readonly summary: string;
  readonly data: string;
}

export interface AlarmHistoryRecord {
  readonly partitionKey: string;
  readonly alarmName: string;
  /** Newest last; at most MAX_HISTORY_PER_ALARM. */
  readonly items: readonly AlarmHistoryEntry[];
}

export const MAX_HISTORY_PER_ALARM = 100;

/** The state each action list belongs to. */
export const actionsFor = (alarm: AlarmRecord, state: AlarmStateValue): readonly string[] =>
  state === 'ALARM' ? alarm.alarmActions : state === 'OK' ? alarm.okActions : alarm.insufficientDataActions;
