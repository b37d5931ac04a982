import { describe, expect, it } from 'vitest';

import { TARGET, unitAutoScaling, type UnitAutoScaling } from '../test-support/autoscaling.test-support.js';

const registered = async (options: { alarmsWork?: boolean } = {}): Promise<UnitAutoScaling> => {
  const t = unitAutoScaling(options);
  await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 10 });
  return t;
};

const cpuPolicy = {
  ...TARGET,
  PolicyName: 'cpu70',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 70,
    PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
  },
};

const stepPolicy = {
  ...TARGET,
  PolicyName: 'step-out',
  PolicyType: 'StepScaling',
  StepScalingPolicyConfiguration: {
    AdjustmentType: 'ChangeInCapacity',
    StepAdjustments: [
      { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
      { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
    ],
    Cooldown: 60,
    MetricAggregationType: 'Average',
  },
};

describe('PutScalingPolicy: target tracking', () => {
  it('creates the High and Low alarms AWS creates and describes them on the policy', async () => {
    const t = await registered();
    const { PolicyARN, Alarms } = await t.call('PutScalingPolicy', cpuPolicy);
    expect(PolicyARN).toBe(
      'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:00000000-0000-4000-8000-000000000002:resource/ecs/service/c/web:policyName/cpu70',
    );
    const [high, low] = t.alarms;
    const common = {
      AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${PolicyARN}.`,
      ActionsEnabled: true,
      AlarmActions: [PolicyARN],
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/ECS',
      Statistic: 'Average',
      Unit: 'Percent',
      Dimensions: [
        { Name: 'ClusterName', Value: 'c' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Period: 60,
    };
    expect(high).toEqual({
      ...common,
      AlarmName: expect.stringMatching(/^TargetTracking-service\/c\/web-AlarmHigh-[0-9a-f-]{36}$/),
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(low).toEqual({
      ...common,
      AlarmName: expect.stringMatching(/^TargetTracking-service\/c\/web-AlarmLow-[0-9a-f-]{36}$/),
      EvaluationPeriods: 15,
      DatapointsToAlarm: 15,
      Threshold: 63,
      ComparisonOperator: 'LessThanThreshold',
    });
    expect(Alarms).toEqual(
      t.alarms.map((a) => ({
        AlarmName: a.AlarmName,
        AlarmARN: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${a.AlarmName}`,
      })),
    );
    const { ScalingPolicies } = await t.call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' });
    expect(ScalingPolicies[0]).toMatchObject({ PolicyARN, PolicyName: 'cpu70', Alarms });
  });

  it('keeps its ARN and alarm names on update; DisableScaleIn drops the Low alarm', async () => {
    const t = await registered();
    const first = await t.call('PutScalingPolicy', cpuPolicy);
    const second = await t.call('PutScalingPolicy', {
      ...cpuPolicy,
      TargetTrackingScalingPolicyConfiguration: {
        ...cpuPolicy.TargetTrackingScalingPolicyConfiguration,
        DisableScaleIn: true,
      },
    });
    expect(second.PolicyARN).toBe(first.PolicyARN);
    expect(second.Alarms).toEqual([first.Alarms[0]]);
    expect(t.deletedAlarms).toEqual([first.Alarms[1].AlarmName]);
  });

  it('fails with FailedResourceAccessException, storing nothing, when alarms cannot be made', async () => {
    const t = await registered({ alarmsWork: false });
    expect(await t.errorOf('PutScalingPolicy', cpuPolicy)).toBe(
      'FailedResourceAccessException: Failed to create the CloudWatch alarms of target tracking scaling policy cpu70: CloudWatch alarms are not available',
    );
    expect((await t.call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })).ScalingPolicies).toEqual(
      [],
    );
  });

  it('checks the metric specification', async () => {
    const t = await registered();
    const withSpec = (spec: object): object => ({
      ...cpuPolicy,
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, ...spec },
    });
    expect(await t.errorOf('PutScalingPolicy', withSpec({}))).toMatch(/^ValidationException: Exactly one of/);
    expect(
      await t.errorOf(
        'PutScalingPolicy',
        withSpec({ PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' } }),
      ),
    ).toMatch(/^ValidationException: ResourceLabel is required for ALBRequestCountPerTarget/);
    expect(
      await t.errorOf(
        'PutScalingPolicy',
        withSpec({
          PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' },
        }),
      ),
    ).toMatch(/^ValidationException: Unsupported predefined metric type DynamoDBReadCapacityUtilization/);
    expect(await t.errorOf('PutScalingPolicy', { ...cpuPolicy, PolicyType: 'PredictiveScaling' })).toMatch(
      /^ValidationException: Berth does not support predictive scaling policies/,
    );
    await t.call(
      'PutScalingPolicy',
      withSpec({
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'ALBRequestCountPerTarget',
          ResourceLabel: 'app/lb/0123456789abcdef/targetgroup/tg/fedcba9876543210',
        },
      }),
    );
    expect(t.alarms[0]).toMatchObject({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RequestCountPerTarget',
      Statistic: 'Sum',
      Dimensions: [{ Name: 'TargetGroup', Value: 'targetgroup/tg/fedcba9876543210' }],
    });
  });
});

describe('PutScalingPolicy: step scaling', () => {
  it('stores and describes the policy, with no alarms of its own', async () => {
    const t = await registered({ alarmsWork: false });
    const { PolicyARN, Alarms } = await t.call('PutScalingPolicy', stepPolicy);
    expect(Alarms).toBeUndefined();
    const { ScalingPolicies } = await t.call('DescribeScalingPolicies', {
      ServiceNamespace: 'ecs',
      PolicyNames: ['step-out'],
    });
    expect(ScalingPolicies).toEqual([
      expect.objectContaining({
        PolicyARN,
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: stepPolicy.StepScalingPolicyConfiguration,
        Alarms: [],
      }),
    ]);
  });

  it('refuses overlapping or gapped steps, and MinAdjustmentMagnitude without a percent change', async () => {
    const t = await registered();
    const withConfig = (config: object): object => ({
      ...stepPolicy,
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', ...config },
    });
    expect(
      await t.errorOf(
        'PutScalingPolicy',
        withConfig({
          StepAdjustments: [
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
            { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 },
          ],
        }),
      ),
    ).toBe('ValidationException: Step adjustments must not overlap.');
    expect(
      await t.errorOf(
        'PutScalingPolicy',
        withConfig({
          StepAdjustments: [
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
            { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 },
          ],
        }),
      ),
    ).toBe('ValidationException: Step adjustments must not have gaps between them.');
    expect(
      await t.errorOf(
        'PutScalingPolicy',
        withConfig({
          MinAdjustmentMagnitude: 2,
          StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
        }),
      ),
    ).toBe(
      'ValidationException: MinAdjustmentMagnitude may only be specified when AdjustmentType is PercentChangeInCapacity.',
    );
    expect(
      await t.errorOf('PutScalingPolicy', { ...stepPolicy, StepScalingPolicyConfiguration: undefined }),
    ).toBe(
      'ValidationException: StepScalingPolicyConfiguration is required for a policy of type StepScaling.',
    );
  });

  it('needs a registered target, and DeleteScalingPolicy an existing policy', async () => {
    const t = unitAutoScaling();
    expect(await t.errorOf('PutScalingPolicy', stepPolicy)).toMatch(
      /^ObjectNotFoundException: No scalable target registered/,
    );
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 10 });
    expect(await t.errorOf('DeleteScalingPolicy', { ...TARGET, PolicyName: 'nope' })).toBe(
      'ObjectNotFoundException: No scaling policy found for service namespace: ecs, resource ID: service/c/web, scalable dimension: ecs:service:DesiredCount, policy name: nope',
    );
    await t.call('PutScalingPolicy', stepPolicy);
    await t.call('DeleteScalingPolicy', { ...TARGET, PolicyName: 'step-out' });
    expect((await t.call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })).ScalingPolicies).toEqual(
      [],
    );
  });
});
