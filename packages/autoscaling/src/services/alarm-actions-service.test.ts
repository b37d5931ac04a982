import { describe, expect, it } from 'vitest';

import { TARGET, unitAutoScaling, type UnitAutoScaling } from '../test-support/autoscaling.test-support.js';

const invocation = (
  t: UnitAutoScaling,
  actionArn: string,
  alarmName: string,
  reason = 'Threshold Crossed',
) => ({
  actionArn,
  alarmName,
  alarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${alarmName}`,
  newState: 'ALARM' as const,
  oldState: 'OK' as const,
  reason,
  timestamp: t.clock.now,
});

const withCpuPolicy = async (): Promise<{ t: UnitAutoScaling; arn: string; high: string; low: string }> => {
  const t = unitAutoScaling();
  await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 5 });
  const { PolicyARN, Alarms } = await t.call('PutScalingPolicy', {
    ...TARGET,
    PolicyName: 'cpu70',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 70,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 120,
      ScaleInCooldown: 120,
    },
  });
  const [high, low] = (Alarms as { AlarmName: string }[]).map((a) => a.AlarmName);
  return { t, arn: PolicyARN as string, high: high!, low: low! };
};

describe('onAlarmAction: target tracking', () => {
  it('scales out in proportion to the metric, records the activity, and waits out the cooldown', async () => {
    const { t, arn, high } = await withCpuPolicy();
    t.metric.value = 90;
    expect(await t.module.useCases.onAlarmAction(invocation(t, arn, high))).toEqual({
      outcome: 'scaled',
      from: 2,
      to: 3,
    });
    expect(t.ecs.get('c/web')?.desiredCount).toBe(3);
    const { ScalingActivities } = await t.call('DescribeScalingActivities', { ServiceNamespace: 'ecs' });
    expect(ScalingActivities[0]).toMatchObject({
      Description: 'Setting desired count to 3.',
      Cause: `monitor alarm ${high} in state ALARM triggered policy cpu70`,
      StatusCode: 'Successful',
      StatusMessage: 'Successfully set desired count to 3. Change successfully fulfilled by ecs.',
    });
    // The three tasks are not running yet: the capacity already asked for counts.
    t.clock.now += 60_000;
    expect((await t.module.useCases.onAlarmAction(invocation(t, arn, high))).outcome).toBe('not-scaled');
    t.ecs.set('c/web', { desiredCount: 3, runningCount: 3, deploying: false });
    t.metric.value = 200;
    expect(await t.module.useCases.onAlarmAction(invocation(t, arn, high))).toEqual({
      outcome: 'scaled',
      from: 3,
      to: 5,
    });
  });

  it('scales in on the Low alarm after the cooldowns, never below min, and not on OK', async () => {
    const { t, arn, low } = await withCpuPolicy();
    t.metric.value = 10;
    expect(await t.module.useCases.onAlarmAction({ ...invocation(t, arn, low), newState: 'OK' })).toEqual({
      outcome: 'not-scaled',
      why: 'alarm state OK',
    });
    expect(await t.module.useCases.onAlarmAction(invocation(t, arn, low))).toEqual({
      outcome: 'scaled',
      from: 2,
      to: 1,
    });
    t.ecs.set('c/web', { desiredCount: 1, runningCount: 1, deploying: false });
    t.clock.now += 600_000;
    expect((await t.module.useCases.onAlarmAction(invocation(t, arn, low))).outcome).toBe('not-scaled');
    const all = await t.call('DescribeScalingActivities', {
      ServiceNamespace: 'ecs',
      IncludeNotScaledActivities: true,
    });
    const scaledOnly = await t.call('DescribeScalingActivities', { ServiceNamespace: 'ecs' });
    expect(all.ScalingActivities.length).toBe(scaledOnly.ScalingActivities.length);
  });

  it('does not scale in during an ECS deployment', async () => {
    const { t, arn, low } = await withCpuPolicy();
    t.metric.value = 10;
    t.ecs.set('c/web', { desiredCount: 2, runningCount: 2, deploying: true });
    expect(await t.module.useCases.onAlarmAction(invocation(t, arn, low))).toEqual({
      outcome: 'not-scaled',
      why: 'scale-in waits for the ECS deployment',
    });
  });
});

describe('onAlarmAction: step scaling', () => {
  it('picks the step from the alarm’s datapoints and records a not-scaled activity at max', async () => {
    const t = unitAutoScaling({ alarmsWork: false });
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 5 });
    const { PolicyARN } = (await t.call('PutScalingPolicy', {
      ...TARGET,
      PolicyName: 'out',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
        Cooldown: 0,
      },
    })) as { PolicyARN: string };
    const reason =
      'Threshold Crossed: 2 datapoints [95.0 (03/12/26 12:01:00), 92.0 (03/12/26 12:00:00)] were greater than the threshold (70.0).';
    expect(await t.module.useCases.onAlarmAction(invocation(t, PolicyARN, 'my-alarm', reason))).toEqual({
      outcome: 'scaled',
      from: 2,
      to: 5,
    });
    expect(await t.module.useCases.onAlarmAction(invocation(t, PolicyARN, 'my-alarm', reason))).toEqual({
      outcome: 'not-scaled',
      why: 'already at that capacity',
    });
    const { ScalingActivities } = (await t.call('DescribeScalingActivities', {
      ServiceNamespace: 'ecs',
      IncludeNotScaledActivities: true,
    })) as { ScalingActivities: { NotScaledReasons?: unknown }[] };
    expect(ScalingActivities.map((a) => a.NotScaledReasons)).toContainEqual([
      { Code: 'AlreadyAtMaxCapacity', CurrentCapacity: 5, MaxCapacity: 5 },
    ]);
  });
});

describe('onAlarmAction: step scaling from the alarm’s StateReasonData', () => {
  it('takes the datapoints and threshold CloudWatch recorded over the reason’s wording', async () => {
    const t = unitAutoScaling({ alarmsWork: false });
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 9 });
    const { PolicyARN } = (await t.call('PutScalingPolicy', {
      ...TARGET,
      PolicyName: 'out',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
        Cooldown: 0,
      },
    })) as { PolicyARN: string };
    // The reason's wording names no datapoint; StateReasonData does: average 80 is 10 over 70.
    const StateReasonData = JSON.stringify({ version: '1.0', recentDatapoints: [75, 85], threshold: 70 });
    const action = { ...invocation(t, PolicyARN, 'my-alarm'), alarm: { StateReasonData } };
    expect(await t.module.useCases.onAlarmAction(action)).toEqual({ outcome: 'scaled', from: 2, to: 3 });
  });
});

describe('onAlarmAction: several target-tracking policies', () => {
  it('scale in only as far as every policy agrees', async () => {
    const t = unitAutoScaling();
    t.ecs.set('c/web', { desiredCount: 20, runningCount: 20, deploying: false });
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 30 });
    const put = async (name: string, target: number): Promise<{ arn: string; low: string }> => {
      const { PolicyARN, Alarms } = (await t.call('PutScalingPolicy', {
        ...TARGET,
        PolicyName: name,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: target,
          CustomizedMetricSpecification: { Namespace: 'App', MetricName: name, Statistic: 'Average' },
        },
      })) as { PolicyARN: string; Alarms: { AlarmName: string }[] };
      return { arn: PolicyARN, low: Alarms[1]!.AlarmName };
    };
    const first = await put('a', 100);
    await put('b', 19);
    // The test's metric port answers 18 for both: policy a asks for 18 tasks (at most 10 % fewer),
    // policy b for ceil(20 × 18 / 19) = 19; the service goes to 19.
    t.metric.value = 18;
    expect(await t.module.useCases.onAlarmAction(invocation(t, first.arn, first.low))).toEqual({
      outcome: 'scaled',
      from: 20,
      to: 19,
    });
  });
});
