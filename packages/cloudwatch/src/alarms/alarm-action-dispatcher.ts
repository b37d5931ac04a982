/**
 * Fires alarm actions through the AlarmActionSink and records each outcome as an Action history
 * item. Actions fire on a change of state only, except Auto Scaling actions, which are invoked
 * again every minute while the alarm stays in the state that names them (`repeat`).
 */
import type { StateStore } from '@berth/store';

import { isAutoScalingAction } from './alarm-actions-rules.js';
import type { AlarmActionInvocation, AlarmActionSink } from './alarm-action-sink.js';
import { appendHistory } from './alarm-history.js';
import { actionsFor, alarmKey, type AlarmRecord, type AlarmState } from './alarm-record.js';
import type { AlarmTransition } from './alarm-transition.js';
import { compositeAlarmView, metricAlarmView } from './alarm-views.js';

export const AUTO_SCALING_REPEAT_MS = 60_000;

export class AlarmActionDispatcher {
  /** `<alarm key>|<action>` → when an Auto Scaling action was last invoked for the current state. */
  private readonly lastInvoked = new Map<string, number>();

  constructor(
    private readonly store: StateStore,
    private readonly sink: AlarmActionSink,
    private readonly now: () => number,
    private readonly log?: (message: string, fields?: Record<string, unknown>) => void,
  ) {}

  /** A committed state change: every action of the new state's list. */
  fired(transition: AlarmTransition): void {
    const { alarm, oldState, newState } = transition;
    const key = alarmKey(alarm.partitionKey, alarm.name);
    for (const k of [...this.lastInvoked.keys()]) if (k.startsWith(`${key}|`)) this.lastInvoked.delete(k);
    if (!alarm.actionsEnabled || oldState.value === newState.value) return;
    for (const arn of actionsFor(alarm, newState.value)) this.invoke(alarm, arn, oldState, newState);
  }

  /** Auto Scaling actions of alarms that stay in a state: again once a minute. */
  repeat(alarms: readonly AlarmRecord[]): void {
    const now = this.now();
    for (const alarm of alarms) {
      if (!alarm.actionsEnabled) continue;
      for (const arn of actionsFor(alarm, alarm.state.value).filter(isAutoScalingAction)) {
        const last =
          this.lastInvoked.get(`${alarmKey(alarm.partitionKey, alarm.name)}|${arn}`) ??
          alarm.state.transitionedAt;
        if (now - last >= AUTO_SCALING_REPEAT_MS) this.invoke(alarm, arn, alarm.state, alarm.state);
      }
    }
  }

  private invoke(alarm: AlarmRecord, actionArn: string, oldState: AlarmState, newState: AlarmState): void {
    const now = this.now();
    this.lastInvoked.set(`${alarmKey(alarm.partitionKey, alarm.name)}|${actionArn}`, now);
    const invocation: AlarmActionInvocation = {
      actionArn,
      alarmName: alarm.name,
      alarmArn: alarm.arn,
      newState: newState.value,
      oldState: oldState.value,
      reason: newState.reason,
      timestamp: newState.updatedAt,
      alarm: alarm.type === 'MetricAlarm' ? metricAlarmView(alarm) : compositeAlarmView(alarm),
    };
    const record = (error: unknown): void => {
      const message =
        error === undefined ? undefined : error instanceof Error ? error.message : JSON.stringify(error);
      if (message !== undefined)
        this.log?.('alarm action failed', { alarm: alarm.name, action: actionArn, error: message });
      this.store.transact((tx) =>
        appendHistory(tx, alarm, {
          timestamp: this.now(),
          type: 'Action',
          summary:
            message === undefined
              ? `Successfully executed action ${actionArn}`
              : `Failed to execute action ${actionArn}. Received error: "${message}"`,
          data: JSON.stringify({
            actionState: message === undefined ? 'Succeeded' : 'Failed',
            stateUpdateTimestamp: newState.updatedAt,
            ...(message !== undefined ? { error: message } : {}),
            notificationResource: actionArn,
          }),
        }),
      );
    };
    this.sink.invoke(invocation).then(
      () => record(undefined),
      (error: unknown) => record(error ?? new Error('failed')),
    );
  }
}
