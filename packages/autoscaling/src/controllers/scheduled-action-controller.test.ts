import { describe, expect, it } from 'vitest';

import { TARGET, unitAutoScaling } from '../test-support/autoscaling.test-support.js';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

describe('scheduled actions', () => {
  it('fire at(): set min and max, move the desired count, and record both activities', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 10 });
    await t.call('PutScheduledAction', {
      ...TARGET,
      ScheduledActionName: 'burst',
      Schedule: `at(${iso(t.clock.now + 30_000)})`,
      ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 6 },
    });
    t.module.scheduledActions.tick();
    expect(t.ecs.get('c/web')?.desiredCount).toBe(2);
    t.clock.now += 30_000;
    t.module.scheduledActions.tick();
    t.module.scheduledActions.tick();
    expect(t.ecs.get('c/web')?.desiredCount).toBe(3);
    const { ScalableTargets } = await t.call('DescribeScalableTargets', { ServiceNamespace: 'ecs' });
    expect(ScalableTargets[0]).toMatchObject({ MinCapacity: 3, MaxCapacity: 6 });
    const { ScalingActivities } = await t.call('DescribeScalingActivities', { ServiceNamespace: 'ecs' });
    expect(ScalingActivities).toHaveLength(2);
    expect(ScalingActivities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Description: 'Setting min capacity to 3 and max capacity to 6',
          Cause: 'scheduled action name burst was triggered',
          StatusCode: 'Successful',
        }),
        expect.objectContaining({
          Description: 'Setting desired count to 3.',
          Cause: 'minimum capacity was set to 3',
          StatusMessage: 'Successfully set desired count to 3. Change successfully fulfilled by ecs.',
        }),
      ]),
    );
  });

  it('do nothing while ScheduledScalingSuspended', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', {
      ...TARGET,
      MinCapacity: 1,
      MaxCapacity: 10,
      SuspendedState: { ScheduledScalingSuspended: true },
    });
    await t.call('PutScheduledAction', {
      ...TARGET,
      ScheduledActionName: 'every-minute',
      Schedule: 'rate(1 minute)',
      ScalableTargetAction: { MinCapacity: 5 },
    });
    t.clock.now += 61_000;
    t.module.scheduledActions.tick();
    expect(t.ecs.get('c/web')?.desiredCount).toBe(2);
  });

  it('are checked: schedule, time zone, capacities and name', async () => {
    const t = unitAutoScaling();
    await t.call('RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: 10 });
    const put = (extra: object): Promise<string> =>
      t.errorOf('PutScheduledAction', {
        ...TARGET,
        ScheduledActionName: 'a',
        Schedule: 'rate(5 minutes)',
        ...extra,
      });
    expect(await put({ Schedule: 'cron(0 10 * * *)' })).toBe(
      'ValidationException: Invalid schedule expression cron(0 10 * * *): a cron expression has six fields.',
    );
    expect(await put({ Timezone: 'Mars/Olympus' })).toBe(
      'ValidationException: Invalid timezone: Mars/Olympus',
    );
    expect(await put({ ScalableTargetAction: {} })).toBe(
      'ValidationException: At least one of minimum capacity and maximum capacity should be provided',
    );
    expect(await put({ StartTime: 200, EndTime: 100 })).toBe(
      'ValidationException: EndTime must be after StartTime.',
    );
    expect(await t.errorOf('DeleteScheduledAction', { ...TARGET, ScheduledActionName: 'nope' })).toBe(
      'ObjectNotFoundException: No scheduled action found for service namespace: ecs, resource ID: service/c/web, scalable dimension: ecs:service:DesiredCount, scheduled action name: nope',
    );
    expect(await put({ Timezone: 'Europe/Paris', ScalableTargetAction: { MaxCapacity: 4 } })).toBe('none');
    const { ScheduledActions } = await t.call('DescribeScheduledActions', { ServiceNamespace: 'ecs' });
    expect(ScheduledActions[0]).toMatchObject({
      ScheduledActionName: 'a',
      Schedule: 'rate(5 minutes)',
      Timezone: 'Europe/Paris',
      ScalableTargetAction: { MaxCapacity: 4 },
      ScheduledActionARN: expect.stringMatching(
        /^arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:[0-9a-f-]+:resource\/ecs\/service\/c\/web:scheduledActionName\/a$/,
      ),
    });
  });
});
