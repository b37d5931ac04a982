/**
 * What other packages call on Application Auto Scaling: CloudWatch's alarm evaluator hands it the
 * `arn:aws:autoscaling:` actions of alarms that go to (or stay in) ALARM.
 */
import type { AlarmActionInvocation } from './scaling-ports.js';
import type { AlarmActionOutcome, AlarmActionsService } from './services/alarm-actions-service.js';

export interface AutoScalingUseCases {
  /** Runs the scaling policy the action ARN names; OK and INSUFFICIENT_DATA do nothing. */
  onAlarmAction(invocation: AlarmActionInvocation): Promise<AlarmActionOutcome>;
}

export const autoScalingUseCases = (alarmActions: AlarmActionsService): AutoScalingUseCases => ({
  onAlarmAction: (invocation) => alarmActions.onAlarmAction(invocation),
});
