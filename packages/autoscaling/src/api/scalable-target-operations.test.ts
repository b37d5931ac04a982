import { describe, expect, it } from 'vitest';

import { APPLICATION_AUTOSCALING_OPERATIONS } from '@berth/wire/application-autoscaling';

import { TARGET, unitAutoScaling } from '../test-support/autoscaling.test-support.js';

const register = { ...TARGET, MinCapacity: 1, MaxCapacity: 10 };

describe('the Application Auto Scaling API', () => {
  it('serves every operation of the model; predictive scaling answers that Berth lacks it', async () => {
    const t = unitAutoScaling();
    expect([...t.module.api.operations.keys()].sort()).toEqual(
      [...APPLICATION_AUTOSCALING_OPERATIONS].sort(),
    );
    expect(await t.errorOf('GetPredictiveScalingForecast', {})).toMatch(
      /^ValidationException: Berth does not support predictive scaling/,
    );
  });
});

describe('RegisterScalableTarget', () => {
  it('registers an ECS service and describes it', async () => {
    const t = unitAutoScaling();
    const { ScalableTargetARN } = await t.call('RegisterScalableTarget', register);
    expect(ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\//,
    );
    const { ScalableTargets } = await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' });
    expect(ScalableTargets).toEqual([
      expect.objectContaining({
        ...register,
        ScalableTargetARN,
        RoleARN:
          'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
        SuspendedState: {
          DynamicScalingInSuspended: false,
          DynamicScalingOutSuspended: false,
          ScheduledScalingSuspended: false,
        },
      }),
    ]);
  });

  it('refuses other namespaces, dimensions and resources, bad capacities and missing services', async () => {
    const t = unitAutoScaling();
    expect(await t.errorOf('RegisterScalableTarget', { ...register, ServiceNamespace: 'dynamodb' })).toMatch(
      /^ValidationException: Berth does not support service namespace dynamodb/,
    );
    expect(
      await t.errorOf('RegisterScalableTarget', {
        ...register,
        ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      }),
    ).toMatch(/^ValidationException: Berth does not support scalable dimension/);
    expect(await t.errorOf('RegisterScalableTarget', { ...register, ResourceId: 'web' })).toBe(
      'ValidationException: Unsupported service namespace, resource type or scalable dimension',
    );
    expect(await t.errorOf('RegisterScalableTarget', { ...register, MinCapacity: 5, MaxCapacity: 2 })).toBe(
      'ValidationException: Minimum capacity (5) cannot be greater than maximum capacity (2).',
    );
    expect(await t.errorOf('RegisterScalableTarget', { ...register, MinCapacity: -1 })).toMatch(
      /^ValidationException: 1 validation error detected: Value '-1' at 'minCapacity'/,
    );
    expect(await t.errorOf('RegisterScalableTarget', { ...TARGET, MinCapacity: 1 })).toBe(
      'ValidationException: MinCapacity and MaxCapacity are required to register a new scalable target.',
    );
    expect(await t.errorOf('RegisterScalableTarget', { ...register, ResourceId: 'service/c/nope' })).toBe(
      "ValidationException: ECS service doesn't exist: service/c/nope",
    );
  });

  it('updates only the members given, and moves the desired count into the new bounds', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', register);
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 4 });
    const { ScalableTargets } = await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' });
    expect(ScalableTargets[0]).toMatchObject({ MinCapacity: 4, MaxCapacity: 10 });
    expect(t.ecs.get('c/web')?.desiredCount).toBe(4);
    const { ScalingActivities } = await t.call('DescribeScalingActivities', { ServiceNamespace: 'ecs' });
    expect(ScalingActivities[0]).toMatchObject({
      Description: 'Setting desired count to 4.',
      Cause: 'minimum capacity was set to 4',
      StatusCode: 'Successful',
      StatusMessage: 'Successfully set desired count to 4. Change successfully fulfilled by ecs.',
    });
    expect(await t.errorOf('RegisterScalableTarget', { ...TARGET, MaxCapacity: 3 })).toBe(
      'ValidationException: Minimum capacity (4) cannot be greater than maximum capacity (3).',
    );
    expect(await t.errorOf('RegisterScalableTarget', { ...TARGET, Tags: { team: 'a' } })).toMatch(
      /^ValidationException: The scalable target that you tried to tag already exists/,
    );
  });
});

describe('DeregisterScalableTarget', () => {
  it('answers ObjectNotFoundException for a target that is not registered', async () => {
    const t = unitAutoScaling();
    expect(await t.errorOf('DeregisterScalableTarget', TARGET)).toBe(
      'ObjectNotFoundException: No scalable target registered for service namespace: ecs, resource ID: service/c/web, scalable dimension: ecs:service:DesiredCount',
    );
  });

  it('deletes the target’s policies, their alarms and its scheduled actions', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', register);
    await t.call('PutScalingPolicy', {
      ...TARGET,
      PolicyName: 'cpu',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      },
    });
    await t.call('PutScheduledAction', {
      ...TARGET,
      ScheduledActionName: 'night',
      Schedule: 'cron(0 22 * * ? *)',
      ScalableTargetAction: { MinCapacity: 1 },
    });
    await t.call('DeregisterScalableTarget', TARGET);
    expect(t.deletedAlarms.sort()).toEqual(t.alarms.map((a) => a.AlarmName).sort());
    expect((await t.call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })).ScalingPolicies).toEqual(
      [],
    );
    expect((await t.call('DescribeScheduledActions', { ServiceNamespace: 'ecs' })).ScheduledActions).toEqual(
      [],
    );
    expect((await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })).ScalableTargets).toEqual(
      [],
    );
  });
});

describe('tags', () => {
  it('tag, untag and list a scalable target by ARN; an unknown ARN is ResourceNotFoundException', async () => {
    const t = unitAutoScaling();
    const { ScalableTargetARN } = await t.call('RegisterScalableTarget', {
      ...register,
      Tags: { team: 'a' },
    });
    await t.call('TagResource', { ResourceARN: ScalableTargetARN, Tags: { env: 'test' } });
    await t.call('UntagResource', { ResourceARN: ScalableTargetARN, TagKeys: ['team'] });
    expect((await t.call('ListTagsForResource', { ResourceARN: ScalableTargetARN })).Tags).toEqual({
      env: 'test',
    });
    expect(await t.errorOf('ListTagsForResource', { ResourceARN: `${ScalableTargetARN}x` })).toMatch(
      /^ResourceNotFoundException: /,
    );
  });
});

describe('a deleted ECS service', () => {
  it('loses its scalable target, policies and scheduled actions', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', register);
    await t.call('PutScheduledAction', {
      ...TARGET,
      ScheduledActionName: 'night',
      Schedule: 'rate(1 hour)',
      ScalableTargetAction: { MinCapacity: 1 },
    });
    await t.module.orphanedTargets.sweep();
    expect(
      (await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })).ScalableTargets,
    ).toHaveLength(1);
    t.ecs.delete('c/web');
    await t.module.orphanedTargets.sweep();
    expect((await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })).ScalableTargets).toEqual(
      [],
    );
    expect((await t.call('DescribeScheduledActions', { ServiceNamespace: 'ecs' })).ScheduledActions).toEqual(
      [],
    );
  });
});
