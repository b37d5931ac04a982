import { describe, expect, it } from 'vitest';
import { ApiError, type Partition } from '@berth/core';
import type { AdvancedConfiguration } from '@berth/wire/ecs';

import type { ListenerRuleFacts, LoadBalancing, TargetGroupFacts } from './load-balancing.js';
import { validateAdvancedConfiguration } from './validate-advanced-configuration.js';

const PARTITION: Partition = { accountId: '000000000000', region: 'us-east-1' };
const ALB = 'lb/app';
const OTHER_ALB = 'lb/other';
const BLUE = 'tg/blue';
const GREEN = 'tg/green';

const group = (arn: string, fields: Partial<TargetGroupFacts> = {}): TargetGroupFacts => ({
  targetGroupArn: arn,
  targetType: 'ip',
  loadBalancerArns: [ALB],
  deregistrationDelaySeconds: 0,
  ...fields,
});

const rule = (arn: string, fields: Partial<ListenerRuleFacts> = {}): ListenerRuleFacts => ({
  ruleArn: arn,
  listenerArn: 'listener/app',
  loadBalancerArn: ALB,
  targetGroups: [{ targetGroupArn: BLUE, weight: 1 }],
  onlyForward: true,
  ...fields,
});

/** Only the reads validation makes; writes would be a bug here. */
const loadBalancing = (groups: TargetGroupFacts[], rules: ListenerRuleFacts[]): LoadBalancing => ({
  targetGroup: (_p, arn) => groups.find((g) => g.targetGroupArn === arn),
  listenerRule: (_p, arn) => rules.find((r) => r.ruleArn === arn),
  registerTargets: () => expect.unreachable('registerTargets'),
  deregisterTargets: () => expect.unreachable('deregisterTargets'),
  targetHealth: () => expect.unreachable('targetHealth'),
  setForwardWeights: () => expect.unreachable('setForwardWeights'),
});

const PRIMARY = { targetGroupArn: BLUE, loadBalancerArns: [ALB] };
const GIVEN: AdvancedConfiguration = {
  roleArn: 'arn:aws:iam::000000000000:role/ecsInfrastructureRole',
  testListenerRule: 'rule/test',
  productionListenerRule: 'rule/prod',
  alternateTargetGroupArn: GREEN,
};
const standard = loadBalancing(
  [group(BLUE), group(GREEN, { loadBalancerArns: [] })],
  [rule('rule/prod'), rule('rule/test')],
);

const validate = (given: AdvancedConfiguration, lbs: LoadBalancing = standard) =>
  validateAdvancedConfiguration(given, PRIMARY, 'awsvpc', PARTITION, lbs);

const rejection = (given: AdvancedConfiguration, lbs: LoadBalancing = standard): string => {
  try {
    validate(given, lbs);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('InvalidParameterException');
    return (error as ApiError).message;
  }
  return expect.unreachable('accepted');
};

describe('validateAdvancedConfiguration', () => {
  it('keeps a valid configuration, its members in one order, an unattached alternate allowed', () => {
    expect(Object.entries(validate(GIVEN))).toEqual([
      ['alternateTargetGroupArn', GREEN],
      ['productionListenerRule', 'rule/prod'],
      ['testListenerRule', 'rule/test'],
      ['roleArn', GIVEN.roleArn],
    ]);
  });

  it('needs no test listener rule nor role', () => {
    expect(validate({ alternateTargetGroupArn: GREEN, productionListenerRule: 'rule/prod' })).toEqual({
      alternateTargetGroupArn: GREEN,
      productionListenerRule: 'rule/prod',
    });
  });

  it('requires the alternate group and the production rule', () => {
    expect(rejection({ productionListenerRule: 'rule/prod' })).toBe(
      'advancedConfiguration.alternateTargetGroupArn must be specified.',
    );
    expect(rejection({ alternateTargetGroupArn: GREEN })).toBe(
      'advancedConfiguration.productionListenerRule must be specified.',
    );
  });

  it('refuses an alternate that is the primary, missing, of the wrong type or on another load balancer', () => {
    expect(rejection({ ...GIVEN, alternateTargetGroupArn: BLUE })).toBe(
      'The alternateTargetGroupArn must be different from the targetGroupArn.',
    );
    expect(rejection({ ...GIVEN, alternateTargetGroupArn: 'tg/missing' })).toMatch(
      /validate the specified alternateTargetGroupArn/,
    );
    const instanceGreen = loadBalancing(
      [group(BLUE), group(GREEN, { targetType: 'instance' })],
      [rule('rule/prod')],
    );
    expect(rejection(GIVEN, instanceGreen)).toBe(
      `The provided target group ${GREEN} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`,
    );
    const elsewhere = loadBalancing(
      [group(BLUE), group(GREEN, { loadBalancerArns: [OTHER_ALB] })],
      [rule('rule/prod')],
    );
    expect(rejection(GIVEN, elsewhere)).toMatch(/associated with a load balancer other than/);
  });

  it('refuses a listener rule that is missing, not only a forward, elsewhere or forwarding to a third group', () => {
    const groups = [group(BLUE), group(GREEN)];
    expect(rejection({ ...GIVEN, testListenerRule: 'rule/missing' })).toBe(
      'The testListenerRule rule/missing does not exist.',
    );
    const fixed = loadBalancing(groups, [rule('rule/prod', { onlyForward: false, targetGroups: undefined })]);
    expect(rejection({ ...GIVEN, testListenerRule: undefined }, fixed)).toBe(
      'The productionListenerRule rule/prod must have a forward action and no other action.',
    );
    const foreign = loadBalancing(groups, [rule('rule/prod', { loadBalancerArn: OTHER_ALB })]);
    expect(rejection({ ...GIVEN, testListenerRule: undefined }, foreign)).toMatch(
      /must belong to the load balancer of the target group tg\/blue/,
    );
    const third = loadBalancing(groups, [
      rule('rule/prod', { targetGroups: [{ targetGroupArn: 'tg/third', weight: 1 }] }),
    ]);
    expect(rejection({ ...GIVEN, testListenerRule: undefined }, third)).toBe(
      'The productionListenerRule rule/prod must forward only to the targetGroupArn or the alternateTargetGroupArn.',
    );
  });
});
