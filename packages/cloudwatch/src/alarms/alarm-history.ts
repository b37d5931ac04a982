/**
 * Alarm history in the state store: one record per alarm (same key as the alarm), its newest
 * MAX_HISTORY_PER_ALARM items. It lives beside the alarm so that a transition and its StateUpdate
 * item commit in one transaction; capping per alarm bounds what the in-memory store holds.
 * History outlives DeleteAlarms, as CloudWatch's does. HistoryData is JSON as CloudWatch writes it.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';

import {
  ALARM_HISTORY_KIND,
  alarmKey,
  MAX_HISTORY_PER_ALARM,
  type AlarmHistoryEntry,
  type AlarmHistoryRecord,
  type AlarmRecord,
  type AlarmState,
} from './alarm-record.js';

export const appendHistory = (
  tx: StoreTransaction,
  alarm: Pick<AlarmRecord, 'partitionKey' | 'name' | 'type'>,
  entry: Omit<AlarmHistoryEntry, 'alarmName' | 'alarmType'>,
): void => {
  const key = alarmKey(alarm.partitionKey, alarm.name);
  const before = tx.get<AlarmHistoryRecord>(ALARM_HISTORY_KIND, key);
  const items = [...(before?.items ?? []), { ...entry, alarmName: alarm.name, alarmType: alarm.type }];
  const record: AlarmHistoryRecord = {
    partitionKey: alarm.partitionKey,
    alarmName: alarm.name,
    items: items.slice(-MAX_HISTORY_PER_ALARM),
  };
  tx.put(ALARM_HISTORY_KIND, key, alarm.partitionKey, record);
};

export const historyOf = (
  reader: StoreReader,
  partitionKey: string,
  alarmName?: string,
): AlarmHistoryEntry[] =>
  alarmName !== undefined
    ? [
        ...(reader.get<AlarmHistoryRecord>(ALARM_HISTORY_KIND, alarmKey(partitionKey, alarmName))?.items ??
          []),
      ]
    : reader.list<AlarmHistoryRecord>(ALARM_HISTORY_KIND, partitionKey).flatMap((r) => r.items);

const stateJson = (state: AlarmState, withData: boolean): Record<string, unknown> => ({
  stateValue: state.value,
  stateReason: state.reason,
  ...(withData && state.reasonData ? { stateReasonData: JSON.parse(state.reasonData) as unknown } : {}),
});

export const stateUpdateEntry = (
  before: AlarmState,
  after: AlarmState,
): Omit<AlarmHistoryEntry, 'alarmName' | 'alarmType'> => ({
  timestamp: after.updatedAt,
  type: 'StateUpdate',
  summary: `Alarm updated from ${before.value} to ${after.value}`,
  data: JSON.stringify({
    version: '1.0',
    oldState: stateJson(before, false),
    newState: stateJson(after, true),
  }),
});

export const configurationEntry = (
  created: boolean,
  view: Record<string, unknown>,
  now: number,
  name: string,
): Omit<AlarmHistoryEntry, 'alarmName' | 'alarmType'> => ({
  timestamp: now,
  type: 'ConfigurationUpdate',
  summary: `Alarm "${name}" ${created ? 'created' : 'updated'}`,
  data: JSON.stringify(
    created
      ? { version: '1.0', type: 'Create', createdAlarm: view }
      : { version: '1.0', type: 'Update', updatedAlarm: view },
  ),
});
