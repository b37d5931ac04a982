/**
 * Where CloudWatch alarm actions go in `berth server`: the AlarmActionSink over
 * - SNS topics named by `--alarm-webhook <topicArn>=<url>`: an HTTP POST of the notification SNS
 *   would deliver to an HTTP subscriber (a `Notification` envelope whose Message is CloudWatch's
 *   alarm JSON: AlarmName, NewStateValue, OldStateValue, NewStateReason, StateChangeTime,
 *   Trigger…);
 * - Auto Scaling policies (`arn:aws:autoscaling:…`): handed to the Application Auto Scaling
 *   handler when one is wired (`autoScaling.onAlarmAction`), else refused, logged and recorded as
 *   failed in the alarm's history.
 * Every other action (EC2, SSM, Lambda, topics without a webhook) is refused with a reason.
 */
import { randomUUID } from 'node:crypto';

import { isAutoScalingAction, type AlarmActionInvocation, type AlarmActionSink } from '@berth/cloudwatch';

export interface AlarmWebhook {
  /** arn:aws:sns:<region>:<account>:<topic> */
  readonly topicArn: string;
  /** http:// or https:// URL the notification is POSTed to. */
  readonly url: string;
}

/** Application Auto Scaling's side of an alarm action (its module exports `onAlarmAction`). */
export interface AutoScalingAlarmActions {
  onAlarmAction(invocation: AlarmActionInvocation): Promise<void>;
}

export interface AlarmActionSinkOptions {
  readonly webhooks: readonly AlarmWebhook[];
  readonly autoScaling?: AutoScalingAlarmActions;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly now?: () => number;
  /** How long a webhook may take to answer (default 5 s). */
  readonly webhookTimeoutMs?: number;
}

/** The JSON CloudWatch publishes to an SNS topic on a state change. */
export const alarmNotification = (invocation: AlarmActionInvocation): Record<string, unknown> => {
  const [, , , region = '', accountId = ''] = invocation.alarmArn.split(':');
  const alarm = invocation.alarm;
  const metric = alarm && 'EvaluationPeriods' in alarm ? alarm : undefined;
  return {
    AlarmName: invocation.alarmName,
    AlarmDescription: alarm?.AlarmDescription ?? null,
    AWSAccountId: accountId,
    AlarmConfigurationUpdatedTimestamp:
      alarm?.AlarmConfigurationUpdatedTimestamp !== undefined
        ? new Date(alarm.AlarmConfigurationUpdatedTimestamp * 1000).toISOString().replace('Z', '+0000')
        : undefined,
    NewStateValue: invocation.newState,
    NewStateReason: invocation.reason,
    StateChangeTime: new Date(invocation.timestamp).toISOString().replace('Z', '+0000'),
    Region: region,
    AlarmArn: invocation.alarmArn,
    OldStateValue: invocation.oldState,
    OKActions: alarm?.OKActions ?? [],
    AlarmActions: alarm?.AlarmActions ?? [],
    InsufficientDataActions: alarm?.InsufficientDataActions ?? [],
    ...(alarm && 'AlarmRule' in alarm ? { AlarmRule: alarm.AlarmRule } : {}),
    ...(metric
      ? {
          Trigger: {
            MetricName: metric.MetricName,
            Namespace: metric.Namespace,
            StatisticType: 'Statistic',
            Statistic: metric.Statistic?.toUpperCase(),
            Unit: metric.Unit ?? null,
            Dimensions: (metric.Dimensions ?? []).map((d) => ({ value: d.Value, name: d.Name })),
            Period: metric.Period,
            EvaluationPeriods: metric.EvaluationPeriods,
            DatapointsToAlarm: metric.DatapointsToAlarm ?? metric.EvaluationPeriods,
            ComparisonOperator: metric.ComparisonOperator,
            Threshold: metric.Threshold,
            TreatMissingData: metric.TreatMissingData ?? 'missing',
            EvaluateLowSampleCountPercentile: '',
            ...(metric.Metrics ? { Metrics: metric.Metrics } : {}),
          },
        }
      : {}),
  };
};

const envelope = (topicArn: string, invocation: AlarmActionInvocation, now: number): string =>
  JSON.stringify({
    Type: 'Notification',
    MessageId: randomUUID(),
    TopicArn: topicArn,
    Subject: `${invocation.newState}: "${invocation.alarmName}" in ${topicArn.split(':')[3] ?? ''}`,
    Message: JSON.stringify(alarmNotification(invocation)),
    Timestamp: new Date(now).toISOString(),
    SignatureVersion: '1',
  });

export const createAlarmActionSink = (options: AlarmActionSinkOptions): AlarmActionSink => {
  const hooks = new Map(options.webhooks.map((w) => [w.topicArn, w.url]));
  const now = options.now ?? Date.now;
  const post = async (topicArn: string, url: string, invocation: AlarmActionInvocation): Promise<void> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-topic-arn': topicArn,
      },
      body: envelope(topicArn, invocation, now()),
      signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 5000),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the webhook ${url} answered HTTP ${response.status}`);
  };
  return {
    invoke: async (invocation) => {
      const arn = invocation.actionArn;
      if (isAutoScalingAction(arn)) {
        if (options.autoScaling) return options.autoScaling.onAlarmAction(invocation);
        options.log('alarm action not executed', { alarm: invocation.alarmName, action: arn });
        throw new Error(`no Application Auto Scaling policy ${arn} is known to Berth`);
      }
      if (arn.split(':')[2] === 'sns') {
        const url = hooks.get(arn);
        if (url === undefined)
          throw new Error(
            `no webhook is configured for the topic ${arn} (berth server --alarm-webhook ${arn}=<url>)`,
          );
        return post(arn, url, invocation);
      }
      throw new Error(`Berth does not execute ${arn.split(':')[2] ?? 'these'} alarm actions`);
    },
  };
};
