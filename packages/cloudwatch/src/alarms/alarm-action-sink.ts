/**
 * The port alarm actions go through. On each state change CloudWatch invokes every action of the
 * new state's list (when ActionsEnabled); Auto Scaling actions are invoked again once a minute
 * while the alarm stays in that state. The sink does the work (an SNS webhook, a scaling policy)
 * and rejects when it could not; either way an Action history item records the outcome.
 */
import type { CompositeAlarm, MetricAlarm } from '@berth/wire/cloudwatch';

export interface AlarmActionInvocation {
  readonly actionArn: string;
  readonly alarmName: string;
  readonly alarmArn: string;
  readonly newState: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly oldState: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly reason: string;
  /** Epoch ms of the state change. */
  readonly timestamp: number;
  /** The alarm as DescribeAlarms shows it at the change (what an SNS notification's Trigger says). */
  readonly alarm?: MetricAlarm | CompositeAlarm;
}

export interface AlarmActionSink {
  invoke(invocation: AlarmActionInvocation): Promise<void>;
}

/** Without a sink, every action fails and says so in the alarm's history. */
export const NO_ALARM_ACTIONS: AlarmActionSink = {
  invoke: (invocation) =>
    Promise.reject(new Error(`Berth has no executor for the action ${invocation.actionArn}.`)),
};
