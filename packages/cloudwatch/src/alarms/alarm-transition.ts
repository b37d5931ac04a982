/**
 * Writing a state change: the alarm's new state and its StateUpdate history item in one
 * transaction. What changed is returned so that the caller, once committed, fires the actions.
 */
import type { StoreTransaction } from '@berth/store';

import { appendHistory, stateUpdateEntry } from './alarm-history.js';
import {
  ALARM_KIND,
  alarmKey,
  type AlarmRecord,
  type AlarmState,
  type AlarmStateValue,
} from './alarm-record.js';

export interface NextState {
  readonly value: AlarmStateValue;
  readonly reason: string;
  readonly reasonData?: string;
}

export interface AlarmTransition {
  readonly alarm: AlarmRecord;
  readonly oldState: AlarmState;
  readonly newState: AlarmState;
}

export const writeTransition = (
  tx: StoreTransaction,
  alarm: AlarmRecord,
  next: NextState,
  now: number,
): AlarmTransition => {
  const state: AlarmState = {
    value: next.value,
    reason: next.reason,
    ...(next.reasonData !== undefined ? { reasonData: next.reasonData } : {}),
    updatedAt: now,
    transitionedAt: next.value === alarm.state.value ? alarm.state.transitionedAt : now,
  };
  const updated: AlarmRecord = { ...alarm, state };
  tx.put(ALARM_KIND, alarmKey(alarm.partitionKey, alarm.name), alarm.partitionKey, updated);
  appendHistory(tx, alarm, stateUpdateEntry(alarm.state, state));
  return { alarm: updated, oldState: alarm.state, newState: state };
};
