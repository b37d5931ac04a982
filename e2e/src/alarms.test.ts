/**
 * CloudWatch alarms end to end, with the aws CLI against a real `berth server`: metric data drives
 * a 10-s alarm to ALARM and back to OK, each change POSTed by `--alarm-webhook` to an HTTP server
 * here as an SNS notification; a composite alarm follows it; SetAlarmState and
 * DescribeAlarmHistory say what happened. Then a service deployment watched by a deployment alarm
 * fails when the alarm goes into ALARM, and rolls back to the revision that last completed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { decode, encode } from 'cbor-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, TEST_CREDENTIALS, TEST_REGION, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import { describeService } from './support/services.js';
import { SLEEPER_COMMAND } from './support/sleeper.js';
import { ensureTestImages } from './support/test-images.js';
import { signedRequest } from './support/signed-call.js';
import { waitFor } from './support/wait-for.js';

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:berth-e2e-alarms';
const NAMESPACE = 'Berth/Alarms';
const CLUSTER = 'default';

interface Notification {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly envelope: any;
  readonly message: any;
}

let berth: BerthProcess;
let hooks: Server;
/** Polls alarm states cheaply (the CLI drives every change; the SDK only watches). */
let sdk: CloudWatchClient;
const received: Notification[] = [];

beforeAll(async () => {
  ensureTestImages();
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const envelope = JSON.parse(body);
      received.push({ headers: req.headers, envelope, message: JSON.parse(envelope.Message) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const { port } = hooks.address() as AddressInfo;
  berth = await startServer({ extraArgs: ['--alarm-webhook', `${TOPIC}=http://127.0.0.1:${port}/hook`] });
  sdk = new CloudWatchClient({
    endpoint: berth.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
}, 60_000);

afterAll(async () => {
  await berth?.stop();
  await new Promise((resolve) => hooks?.close(resolve));
});

const put = (metric: string, value: number): void => {
  awsOk(berth.env, [
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    NAMESPACE,
    '--metric-data',
    JSON.stringify([
      {
        MetricName: metric,
        Dimensions: [{ Name: 'Service', Value: 'web' }],
        Value: value,
        StorageResolution: 1,
      },
    ]),
  ]);
};

const putAlarm = (name: string, metric: string, extra: readonly string[] = []): void => {
  awsOk(berth.env, [
    'cloudwatch',
    'put-metric-alarm',
    '--alarm-name',
    name,
    '--namespace',
    NAMESPACE,
    '--metric-name',
    metric,
    '--dimensions',
    'Name=Service,Value=web',
    '--statistic',
    'Maximum',
    '--period',
    '10',
    '--evaluation-periods',
    '1',
    '--threshold',
    '70',
    '--comparison-operator',
    'GreaterThanThreshold',
    '--treat-missing-data',
    'ignore',
    ...extra,
  ]);
};

const alarm = (name: string): any => {
  const out = awsOk(berth.env, [
    'cloudwatch',
    'describe-alarms',
    '--alarm-names',
    name,
    '--alarm-types',
    'MetricAlarm',
    'CompositeAlarm',
  ]);
  return [...out.MetricAlarms, ...out.CompositeAlarms][0];
};

const waitState = (name: string, state: string): Promise<any> =>
  waitFor(
    async () => {
      const out = await sdk.send(
        new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }),
      );
      const a = [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])][0];
      return a?.StateValue === state ? a : undefined;
    },
    `alarm ${name} in ${state}`,
    60_000,
    250,
  );

const waitNotification = (name: string, state: string): Promise<Notification> =>
  waitFor(
    () => received.find((n) => n.message.AlarmName === name && n.message.NewStateValue === state),
    `a ${state} notification of ${name}`,
    20_000,
  );

describe('a 10-s metric alarm', () => {
  it('goes to ALARM and back to OK with the metric, notifying the webhook; a composite alarm follows', async () => {
    putAlarm('e2e-latency', 'Latency', ['--alarm-actions', TOPIC, '--ok-actions', TOPIC]);
    awsOk(berth.env, [
      'cloudwatch',
      'put-composite-alarm',
      '--alarm-name',
      'e2e-any',
      '--alarm-rule',
      'ALARM("e2e-latency") AND NOT FALSE',
    ]);
    expect(alarm('e2e-latency')).toMatchObject({
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:000000000000:alarm:e2e-latency',
      StateValue: 'INSUFFICIENT_DATA',
      Period: 10,
    });

    put('Latency', 95);
    const inAlarm = await waitState('e2e-latency', 'ALARM');
    expect(inAlarm.StateReason).toMatch(
      /^Threshold Crossed: 1 datapoint \[95\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\)\] was greater than the threshold \(70\.0\)\.$/,
    );
    const alarmed = await waitNotification('e2e-latency', 'ALARM');
    expect(alarmed.headers['x-amz-sns-message-type']).toBe('Notification');
    expect(alarmed.envelope).toMatchObject({ Type: 'Notification', TopicArn: TOPIC });
    expect(alarmed.message).toMatchObject({
      OldStateValue: 'INSUFFICIENT_DATA',
      NewStateReason: inAlarm.StateReason,
      AlarmArn: inAlarm.AlarmArn,
      Trigger: { MetricName: 'Latency', Namespace: NAMESPACE, Period: 10, Threshold: 70 },
    });
    await waitState('e2e-any', 'ALARM');

    put('Latency', 5);
    await waitState('e2e-latency', 'OK');
    expect((await waitNotification('e2e-latency', 'OK')).message.OldStateValue).toBe('ALARM');
    await waitState('e2e-any', 'OK');
  }, 120_000);

  it('takes a state set by hand, and its history tells each change, action and configuration', async () => {
    awsOk(berth.env, [
      'cloudwatch',
      'set-alarm-state',
      '--alarm-name',
      'e2e-latency',
      '--state-value',
      'ALARM',
      '--state-reason',
      'testing the pager',
    ]);
    expect(alarm('e2e-latency')).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing the pager' });
    expect(
      (
        await waitFor(
          () => received.find((n) => n.message.NewStateReason === 'testing the pager'),
          'the SetAlarmState notification',
          20_000,
        )
      ).message.NewStateValue,
    ).toBe('ALARM');

    const items = await waitFor(() => {
      const h = awsOk(berth.env, [
        'cloudwatch',
        'describe-alarm-history',
        '--alarm-name',
        'e2e-latency',
      ]).AlarmHistoryItems;
      return h.filter((i: any) => i.HistoryItemType === 'Action').length >= 3 ? h : undefined;
    }, 'three Action history items');
    const summaries = items.map((i: any) => `${i.HistoryItemType}: ${i.HistorySummary}`);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'StateUpdate: Alarm updated from INSUFFICIENT_DATA to ALARM',
        'StateUpdate: Alarm updated from ALARM to OK',
        'StateUpdate: Alarm updated from OK to ALARM',
        `Action: Successfully executed action ${TOPIC}`,
        'ConfigurationUpdate: Alarm "e2e-latency" created',
      ]),
    );
    const manual = items.find((i: any) => i.HistorySummary === 'Alarm updated from OK to ALARM');
    expect(JSON.parse(manual.HistoryData)).toMatchObject({
      version: '1.0',
      oldState: { stateValue: 'OK' },
      newState: { stateValue: 'ALARM', stateReason: 'testing the pager' },
    });

    const missing = aws(berth.env, [
      'cloudwatch',
      'set-alarm-state',
      '--alarm-name',
      'no-such-alarm',
      '--state-value',
      'OK',
      '--state-reason',
      'x',
    ]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFound');
  }, 60_000);
});

describe('the alarm operations on every CloudWatch wire form', () => {
  it('Query (form in, XML out) and rpcv2Cbor describe the alarm JSON 1.0 does, and answer its errors', async () => {
    const json = alarm('e2e-latency');
    const query = await signedRequest(berth.endpoint, {
      service: 'monitoring',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({
        Action: 'DescribeAlarms',
        Version: '2010-08-01',
        'AlarmNames.member.1': 'e2e-latency',
      }).toString(),
    });
    const xml = await query.text();
    expect(query.status, xml).toBe(200);
    expect(xml).toContain(`<AlarmArn>${json.AlarmArn}</AlarmArn>`);
    expect(xml).toContain(`<StateValue>${json.StateValue}</StateValue>`);
    expect(xml).toContain('<Period>10</Period>');

    const cbor = (operation: string, input: unknown): Promise<Response> =>
      signedRequest(berth.endpoint, {
        service: 'monitoring',
        path: `/service/GraniteServiceVersion20100801/operation/${operation}`,
        headers: {
          'smithy-protocol': 'rpc-v2-cbor',
          'content-type': 'application/cbor',
          accept: 'application/cbor',
        },
        body: encode(input),
      });
    const described = await cbor('DescribeAlarms', { AlarmNames: ['e2e-latency'] });
    expect(described.status).toBe(200);
    const [viaCbor] = (decode(new Uint8Array(await described.arrayBuffer())) as { MetricAlarms: any[] })
      .MetricAlarms;
    expect(viaCbor).toMatchObject({ AlarmArn: json.AlarmArn, StateValue: json.StateValue, Threshold: 70 });
    expect(viaCbor.StateUpdatedTimestamp).toBeInstanceOf(Date);

    const refused = await cbor('SetAlarmState', {
      AlarmName: 'no-such-alarm',
      StateValue: 'OK',
      StateReason: 'x',
    });
    expect(refused.status).toBe(404);
    expect(decode(new Uint8Array(await refused.arrayBuffer()))).toMatchObject({
      __type: expect.stringContaining('ResourceNotFound'),
    });
  });
});

const register = (family: string, healthCheck?: object): string =>
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--family',
    family,
    '--container-definitions',
    JSON.stringify([
      {
        name: 'app',
        image: 'berth-test/busybox:latest',
        memory: 32,
        command: SLEEPER_COMMAND,
        ...(healthCheck ? { healthCheck } : {}),
      },
    ]),
  ]).taskDefinition.taskDefinitionArn;

describe('a deployment watched by a deployment alarm', () => {
  it('fails when the alarm goes into ALARM, and rolls back to the last completed revision', async () => {
    putAlarm('e2e-deploy-errors', 'Errors');
    put('Errors', 0);
    await waitState('e2e-deploy-errors', 'OK');

    awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', CLUSTER]);
    const good = register('e2e-alarmed');
    awsOk(berth.env, [
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'alarmed',
      '--task-definition',
      good,
      '--desired-count',
      '1',
      '--deployment-configuration',
      'minimumHealthyPercent=100,maximumPercent=200,alarms={alarmNames=[e2e-deploy-errors],enable=true,rollback=true}',
    ]);
    await waitFor(() => {
      const s = describeService(berth.env, CLUSTER, 'alarmed');
      return s.deployments.length === 1 && s.deployments[0].rolloutState === 'COMPLETED';
    }, 'the first deployment COMPLETED');

    // The new revision's health check stays in its start period: the deployment stays IN_PROGRESS.
    const slow = register('e2e-alarmed', {
      command: ['CMD-SHELL', 'exit 1'],
      interval: 5,
      retries: 3,
      startPeriod: 300,
    });
    awsOk(berth.env, [
      'ecs',
      'update-service',
      '--cluster',
      CLUSTER,
      '--service',
      'alarmed',
      '--task-definition',
      slow,
    ]);
    await waitFor(() => {
      const primary = describeService(berth.env, CLUSTER, 'alarmed').deployments.find(
        (d: any) => d.status === 'PRIMARY',
      );
      return (
        primary?.taskDefinition === slow &&
        primary.rolloutState === 'IN_PROGRESS' &&
        primary.runningCount >= 1
      );
    }, 'the new revision running, its deployment IN_PROGRESS');

    put('Errors', 99);
    await waitState('e2e-deploy-errors', 'ALARM');

    const history = await waitFor(
      () => {
        const list = awsOk(berth.env, [
          'ecs',
          'list-service-deployments',
          '--cluster',
          CLUSTER,
          '--service',
          'alarmed',
        ]).serviceDeployments;
        return list[0]?.status === 'ROLLBACK_SUCCESSFUL' ? list : undefined;
      },
      'ROLLBACK_SUCCESSFUL',
      90_000,
      500,
    );
    expect(history.map((d: any) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    const [failed] = awsOk(berth.env, [
      'ecs',
      'describe-service-deployments',
      '--service-deployment-arns',
      history[0].serviceDeploymentArn,
    ]).serviceDeployments;
    expect(failed.alarms).toEqual({
      status: 'TRIGGERED',
      alarmNames: ['e2e-deploy-errors'],
      triggeredAlarmNames: ['e2e-deploy-errors'],
    });
    expect(failed.rollback.reason).toBe(
      'ECS deployment failed: alarm(s) e2e-deploy-errors went into ALARM state.',
    );

    const service = describeService(berth.env, CLUSTER, 'alarmed');
    expect(service.taskDefinition).toBe(good);
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments[0]).toMatchObject({ taskDefinition: good, rolloutState: 'COMPLETED' });
    expect(service.events.map((e: any) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/deployment failed: alarm detected \(e2e-deploy-errors\)\.$/),
      ]),
    );
    awsOk(berth.env, ['ecs', 'delete-service', '--cluster', CLUSTER, '--service', 'alarmed', '--force']);
  }, 180_000);
});
