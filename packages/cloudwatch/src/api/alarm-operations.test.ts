/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
/** The alarm operations through their handlers, with the evaluator run on a settable clock. */
import { describe, expect, it } from 'vitest';

import type { AlarmActionInvocation } from '../alarms/alarm-action-sink.js';
import { unitCloudWatch, type UnitCloudWatch } from '../test-support/cloudwatch.test-support.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops';
const POLICY =
  'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:6d8a1e2c-0000-4000-8000-000000000000:resource/ecs/service/c/web:policyName/up';

const alarm = (over: object = {}): object => ({
  AlarmName: 'high-latency',
  Namespace: 'App',
  MetricName: 'Latency',
  Dimensions: [{ Name: 'Service', Value: 'web' }],
  Statistic: 'Average',
  Period: 10,
  EvaluationPeriods: 1,
  Threshold: 70,
  ComparisonOperator: 'GreaterThanThreshold',
  ...over,
});

const put = async (t: UnitCloudWatch, value: number, at: number): Promise<void> => {
  await t.call('PutMetricData', {
    Namespace: 'App',
    MetricData: [
      {
        MetricName: 'Latency',
        Dimensions: [{ Name: 'Service', Value: 'web' }],
        Timestamp: at / 1000,
        Value: value,
        StorageResolution: 1,
      },
    ],
  });
};

const stateOf = async (t: UnitCloudWatch, name: string): Promise<string> => {
  const out = await t.call('DescribeAlarms', {
    AlarmNames: [name],
    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
  });
  return [...out.MetricAlarms, ...out.CompositeAlarms][0]?.StateValue as string;
};

/** Moves the clock to the next 10-s boundary plus 1 s and evaluates. */
const nextPeriod = async (t: UnitCloudWatch): Promise<void> => {
  t.clock.now = Math.floor(t.clock.now / 10_000) * 10_000 + 11_000;
  await t.module.evaluateAlarms();
};

const recordingSink = (): {
  calls: AlarmActionInvocation[];
  invoke(i: AlarmActionInvocation): Promise<void>;
} => {
  const calls: AlarmActionInvocation[] = [];
  return {
    calls,
    invoke: (i) => {
      calls.push(i);
      return i.actionArn.includes('autoscaling') ? Promise.reject(new Error('no policy')) : Promise.resolve();
    },
  };
};

describe('PutMetricAlarm', () => {
  it('refuses what CloudWatch refuses, and what Berth cannot evaluate, clearly', async () => {
    const t = unitCloudWatch();
    expect(await t.errorOf('PutMetricAlarm', alarm({ Period: 15 }))).toBe(
      'ValidationError: The parameter Period must be 10, 20, 30 or a multiple of 60.',
    );
    expect(await t.errorOf('PutMetricAlarm', alarm({ EvaluationPeriods: 2, DatapointsToAlarm: 3 }))).toBe(
      'ValidationError: DatapointsToAlarm must be less than or equal to EvaluationPeriods.',
    );
    expect(await t.errorOf('PutMetricAlarm', alarm({ TreatMissingData: 'sometimes' }))).toMatch(
      /^ValidationError: The value sometimes is not valid for TreatMissingData/,
    );
    expect(
      await t.errorOf('PutMetricAlarm', alarm({ Statistic: undefined, ExtendedStatistic: 'p99' })),
    ).toMatch(
      /^InvalidParameterCombination: Berth keeps metric data as statistic sets.*ExtendedStatistic \(p99\)/,
    );
    expect(
      await t.errorOf('PutMetricAlarm', alarm({ ComparisonOperator: 'GreaterThanUpperThreshold' })),
    ).toMatch(/^InvalidParameterCombination: Berth does not evaluate anomaly detection bands/);
    expect(await t.errorOf('PutMetricAlarm', alarm({ AlarmActions: ['arn:aws:s3:::bucket'] }))).toMatch(
      /^ValidationError: Invalid AlarmAction/,
    );
    expect(await t.errorOf('PutMetricAlarm', alarm({ AlarmActions: ['nope'] }))).toBe(
      'ValidationError: Invalid arn syntax: nope',
    );
    expect(
      await t.errorOf('PutMetricAlarm', alarm({ Metrics: [{ Id: 'm1', Expression: 'SEARCH(x)' }] })),
    ).toMatch(/^ValidationError: Metrics list cannot be combined/);
  });

  it('starts INSUFFICIENT_DATA, with its ARN, and keeps its state when updated', async () => {
    const t = unitCloudWatch();
    await t.call('PutMetricAlarm', alarm({ AlarmActions: [TOPIC] }));
    const [shown] = (await t.call('DescribeAlarms', {})).MetricAlarms;
    expect(shown).toMatchObject({
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:high-latency',
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      ActionsEnabled: true,
      AlarmActions: [TOPIC],
      Period: 10,
      EvaluationPeriods: 1,
    });
    await t.call('SetAlarmState', { AlarmName: 'high-latency', StateValue: 'ALARM', StateReason: 'by hand' });
    await t.call('PutMetricAlarm', alarm({ Threshold: 80 }));
    const [updated] = (await t.call('DescribeAlarms', {})).MetricAlarms;
    expect(updated).toMatchObject({ StateValue: 'ALARM', Threshold: 80, AlarmActions: [] });
  });
});

describe('the evaluator', () => {
  it('drives a 10-s alarm to ALARM and back to OK, firing the state’s actions once per change', async () => {
    const sink = recordingSink();
    const t = unitCloudWatch(sink);
    await t.call(
      'PutMetricAlarm',
      alarm({ AlarmActions: [TOPIC], OKActions: [TOPIC], TreatMissingData: 'ignore' }),
    );
    await nextPeriod(t);
    expect(await stateOf(t, 'high-latency')).toBe('INSUFFICIENT_DATA');
    await put(t, 95, t.clock.now);
    await nextPeriod(t);
    expect(await stateOf(t, 'high-latency')).toBe('ALARM');
    await nextPeriod(t); // no data: ignore keeps ALARM, and no second notification
    expect(await stateOf(t, 'high-latency')).toBe('ALARM');
    await put(t, 5, t.clock.now);
    await nextPeriod(t);
    expect(await stateOf(t, 'high-latency')).toBe('OK');
    expect(sink.calls.map((c) => `${c.oldState}->${c.newState}`)).toEqual([
      'INSUFFICIENT_DATA->ALARM',
      'ALARM->OK',
    ]);
    expect(sink.calls[0]?.reason).toMatch(
      /^Threshold Crossed: 1 datapoint \[95\.0 \(.+\)\] was greater than the threshold \(70\.0\)\.$/,
    );

    await new Promise((resolve) => setImmediate(resolve));
    const history = (await t.call('DescribeAlarmHistory', { AlarmName: 'high-latency' })).AlarmHistoryItems;
    expect(history.map((h: { HistoryItemType: string }) => h.HistoryItemType)).toEqual([
      'Action',
      'StateUpdate',
      'Action',
      'StateUpdate',
      'ConfigurationUpdate',
    ]);
    expect(history[1].HistorySummary).toBe('Alarm updated from ALARM to OK');
    expect(JSON.parse(history[1].HistoryData)).toMatchObject({
      version: '1.0',
      oldState: { stateValue: 'ALARM' },
      newState: { stateValue: 'OK', stateReasonData: { version: '1.0', threshold: 70 } },
    });
    expect(history[0].HistorySummary).toBe(`Successfully executed action ${TOPIC}`);
  });

  it('re-invokes Auto Scaling actions every minute while the state lasts, recording failures', async () => {
    const sink = recordingSink();
    const t = unitCloudWatch(sink);
    await t.call('PutMetricAlarm', alarm({ AlarmActions: [POLICY, TOPIC], TreatMissingData: 'breaching' }));
    await nextPeriod(t);
    expect(sink.calls.map((c) => c.actionArn)).toEqual([POLICY, TOPIC]);
    for (let i = 0; i < 6; i += 1) await nextPeriod(t);
    expect(sink.calls.map((c) => c.actionArn)).toEqual([POLICY, TOPIC, POLICY]);
    await t.call('DisableAlarmActions', { AlarmNames: ['high-latency'] });
    for (let i = 0; i < 7; i += 1) await nextPeriod(t);
    expect(sink.calls).toHaveLength(3);
    await new Promise((resolve) => setImmediate(resolve));
    const actions = (
      await t.call('DescribeAlarmHistory', { AlarmName: 'high-latency', HistoryItemType: 'Action' })
    ).AlarmHistoryItems;
    expect(
      actions.some((h: { HistorySummary: string }) =>
        h.HistorySummary.startsWith(`Failed to execute action ${POLICY}`),
      ),
    ).toBe(true);
  });

  it('evaluates a metric-math alarm on its ReturnData query', async () => {
    const t = unitCloudWatch();
    await t.call('PutMetricAlarm', {
      AlarmName: 'doubled',
      EvaluationPeriods: 1,
      Threshold: 100,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        {
          Id: 'm1',
          MetricStat: {
            Metric: {
              Namespace: 'App',
              MetricName: 'Latency',
              Dimensions: [{ Name: 'Service', Value: 'web' }],
            },
            Period: 10,
            Stat: 'Maximum',
          },
          ReturnData: false,
        },
        { Id: 'e1', Expression: 'm1 * 2', Label: 'twice', ReturnData: true },
      ],
    });
    expect(
      await t.errorOf('PutMetricAlarm', {
        AlarmName: 'two',
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          { Id: 'a', Expression: 'TIME_SERIES(1)', ReturnData: true },
          { Id: 'b', Expression: 'TIME_SERIES(2)', ReturnData: true },
        ],
      }),
    ).toBe('ValidationError: Exactly one element of the metrics list should return data.');
    await put(t, 60, t.clock.now);
    await nextPeriod(t);
    expect(await stateOf(t, 'doubled')).toBe('ALARM');
    const [shown] = (await t.call('DescribeAlarms', { AlarmNames: ['doubled'] })).MetricAlarms;
    expect(shown.Metrics).toHaveLength(2);
    expect(shown).not.toHaveProperty('Period');
    expect(shown.StateReason).toContain('[120.0 (');
  });

  it('moves a composite alarm with its children', async () => {
    const t = unitCloudWatch();
    await t.call('PutMetricAlarm', alarm({ TreatMissingData: 'ignore' }));
    await t.call('PutMetricAlarm', alarm({ AlarmName: 'other', TreatMissingData: 'ignore' }));
    expect(await t.errorOf('PutCompositeAlarm', { AlarmName: 'both', AlarmRule: 'ALARM(nope)' })).toBe(
      'ValidationError: Could not save the composite alarm as alarms [nope] in the alarm rule do not exist',
    );
    expect(
      await t.errorOf('PutCompositeAlarm', { AlarmName: 'both', AlarmRule: 'ALARM(high-latency' }),
    ).toMatch(/^ValidationError: Invalid AlarmRule: /);
    await t.call('PutCompositeAlarm', {
      AlarmName: 'both',
      AlarmRule: 'ALARM("high-latency") AND NOT OK(other)',
    });
    expect((await t.call('DescribeAlarms', {})).CompositeAlarms).toEqual([]);
    await t.call('SetAlarmState', { AlarmName: 'high-latency', StateValue: 'ALARM', StateReason: 'test' });
    await t.module.evaluateAlarms();
    expect(await stateOf(t, 'both')).toBe('ALARM');
    const parents = await t.call('DescribeAlarms', {
      ParentsOfAlarmName: 'other',
      AlarmTypes: ['CompositeAlarm'],
    });
    expect(parents.CompositeAlarms.map((a: { AlarmName: string }) => a.AlarmName)).toEqual(['both']);
  });
});

describe('DescribeAlarms, SetAlarmState, DeleteAlarms, tags', () => {
  it('filters and pages', async () => {
    const t = unitCloudWatch();
    for (const name of ['a1', 'a2', 'b1']) await t.call('PutMetricAlarm', alarm({ AlarmName: name }));
    await t.call('SetAlarmState', { AlarmName: 'a2', StateValue: 'OK', StateReason: 'x' });
    const names = (out: Record<string, any>): string[] =>
      out.MetricAlarms.map((a: { AlarmName: string }) => a.AlarmName);
    expect(names(await t.call('DescribeAlarms', { AlarmNamePrefix: 'a' }))).toEqual(['a1', 'a2']);
    expect(names(await t.call('DescribeAlarms', { StateValue: 'OK' }))).toEqual(['a2']);
    const first = await t.call('DescribeAlarms', { MaxRecords: 2 });
    expect(names(first)).toEqual(['a1', 'a2']);
    expect(names(await t.call('DescribeAlarms', { MaxRecords: 2, NextToken: first.NextToken }))).toEqual([
      'b1',
    ]);
    expect(await t.errorOf('DescribeAlarms', { NextToken: 'junk' })).toBe(
      'InvalidNextToken: The NextToken is invalid.',
    );
    const forMetric = await t.call('DescribeAlarmsForMetric', { Namespace: 'App', MetricName: 'Latency' });
    expect(forMetric.MetricAlarms).toHaveLength(3);
  });

  it('answers ResourceNotFound and InvalidFormat as CloudWatch does', async () => {
    const t = unitCloudWatch();
    await t.call('PutMetricAlarm', alarm());
    expect(await t.errorOf('SetAlarmState', { AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' })).toBe(
      'ResourceNotFound: Alarm nope not found',
    );
    expect(
      await t.errorOf('SetAlarmState', {
        AlarmName: 'high-latency',
        StateValue: 'OK',
        StateReason: 'x',
        StateReasonData: '{',
      }),
    ).toMatch(/^InvalidFormat: /);
    expect(await t.errorOf('DeleteAlarms', { AlarmNames: ['high-latency', 'nope'] })).toBe(
      'ResourceNotFound: Alarm nope not found',
    );
    expect((await t.call('DescribeAlarms', {})).MetricAlarms).toHaveLength(1);
    await t.call('DeleteAlarms', { AlarmNames: ['high-latency'] });
    expect((await t.call('DescribeAlarms', {})).MetricAlarms).toHaveLength(0);
  });

  it('tags alarms by ARN', async () => {
    const t = unitCloudWatch();
    await t.call('PutMetricAlarm', alarm({ Tags: [{ Key: 'team', Value: 'a' }] }));
    const arn = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:high-latency';
    await t.call('TagResource', { ResourceARN: arn, Tags: [{ Key: 'env', Value: 'prod' }] });
    await t.call('UntagResource', { ResourceARN: arn, TagKeys: ['team'] });
    expect((await t.call('ListTagsForResource', { ResourceARN: arn })).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    expect(await t.errorOf('ListTagsForResource', { ResourceARN: `${arn}x` })).toMatch(
      /^ResourceNotFoundException: /,
    );
  });
});

describe('the alarm use cases', () => {
  it('put, read states of and delete alarms, with the API’s validation', async () => {
    const t = unitCloudWatch();
    const scope = { accountId: '123456789012', region: 'us-east-1' };
    await t.module.useCases.putMetricAlarm(alarm() as never, scope);
    await expect(t.module.useCases.putMetricAlarm(alarm({ Period: 7 }) as never, scope)).rejects.toThrow(
      /Period/,
    );
    expect(await t.module.useCases.alarmStates(['high-latency', 'nope'], scope)).toEqual(
      new Map([['high-latency', 'INSUFFICIENT_DATA']]),
    );
    await t.module.useCases.deleteAlarms(['high-latency'], scope);
    expect((await t.module.useCases.alarmStates(['high-latency'], scope)).size).toBe(0);
  });
});
