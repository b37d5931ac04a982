/** The server's alarm action sink: SNS webhooks POSTed, Auto Scaling handed on or refused, the rest refused. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import type { AlarmActionInvocation } from '@berth/cloudwatch';

import { createAlarmActionSink } from './alarm-action-sink.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops';
const POLICY =
  'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x:resource/ecs/service/c/web:policyName/up';

const invocation = (actionArn: string): AlarmActionInvocation => ({
  actionArn,
  alarmName: 'cpu',
  alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu',
  newState: 'ALARM',
  oldState: 'OK',
  reason: 'Threshold Crossed: 1 datapoint [90.0 (03/12/26 14:20:00)] was greater than the threshold (70.0).',
  timestamp: Date.UTC(2026, 11, 3, 14, 20, 1),
  alarm: {
    AlarmName: 'cpu',
    MetricName: 'CPUUtilization',
    Namespace: 'AWS/ECS',
    Statistic: 'Average',
    Dimensions: [{ Name: 'ServiceName', Value: 'web' }],
    Period: 60,
    EvaluationPeriods: 3,
    Threshold: 70,
    ComparisonOperator: 'GreaterThanThreshold',
    AlarmActions: [TOPIC],
  },
});

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

const receiver = async (
  status: number,
): Promise<{ url: string; bodies: string[]; headers: Record<string, unknown>[] }> => {
  const bodies: string[] = [];
  const headers: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      headers.push(req.headers);
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, headers };
};

const log = (): void => undefined;

describe('the alarm action sink', () => {
  it('POSTs an SNS notification of the alarm to the topic’s webhook', async () => {
    const hook = await receiver(200);
    const sink = createAlarmActionSink({ webhooks: [{ topicArn: TOPIC, url: hook.url }], log });
    await sink.invoke(invocation(TOPIC));
    const envelope = JSON.parse(hook.bodies[0]!) as { Message: string };
    expect(hook.headers[0]).toMatchObject({
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-topic-arn': TOPIC,
    });
    expect(envelope).toMatchObject({
      Type: 'Notification',
      TopicArn: TOPIC,
      Subject: 'ALARM: "cpu" in us-east-1',
    });
    expect(JSON.parse(envelope.Message)).toMatchObject({
      AlarmName: 'cpu',
      AWSAccountId: '123456789012',
      NewStateValue: 'ALARM',
      OldStateValue: 'OK',
      StateChangeTime: '2026-12-03T14:20:01.000+0000',
      Region: 'us-east-1',
      Trigger: {
        MetricName: 'CPUUtilization',
        Namespace: 'AWS/ECS',
        Statistic: 'AVERAGE',
        Dimensions: [{ name: 'ServiceName', value: 'web' }],
        Period: 60,
        EvaluationPeriods: 3,
        Threshold: 70,
      },
    });
  });

  it('fails when the webhook does, or no webhook names the topic', async () => {
    const hook = await receiver(500);
    const sink = createAlarmActionSink({ webhooks: [{ topicArn: TOPIC, url: hook.url }], log });
    await expect(sink.invoke(invocation(TOPIC))).rejects.toThrow(/answered HTTP 500/);
    await expect(sink.invoke(invocation(`${TOPIC}-other`))).rejects.toThrow(/no webhook is configured/);
  });

  it('hands Auto Scaling actions to Application Auto Scaling, and refuses them without it', async () => {
    const seen: AlarmActionInvocation[] = [];
    const wired = createAlarmActionSink({
      webhooks: [],
      log,
      autoScaling: { onAlarmAction: (i) => Promise.resolve(void seen.push(i)) },
    });
    await wired.invoke(invocation(POLICY));
    expect(seen.map((i) => i.actionArn)).toEqual([POLICY]);
    const bare = createAlarmActionSink({ webhooks: [], log });
    await expect(bare.invoke(invocation(POLICY))).rejects.toThrow(
      `no Application Auto Scaling policy ${POLICY}`,
    );
    await expect(bare.invoke(invocation('arn:aws:automate:us-east-1:ec2:stop'))).rejects.toThrow(
      'Berth does not execute automate alarm actions',
    );
  });
});
