/** The use cases ECS shifts blue/green traffic with: ruleForward and setForwardWeights. */
import { MemoryStateStore } from '@berth/store';
import { describe, expect, it } from 'vitest';

import {
  apiErrorOf,
  basicStack,
  CTX,
  unitElbv2,
  type UnitElbv2,
} from '../../test-support/elbv2.test-support.js';

type Rules = { Rules: { RuleArn: string; Actions: unknown[] }[] };
type TargetGroups = { TargetGroups: { TargetGroupArn: string; LoadBalancerArns: string[] }[] };

const P = CTX.partition;

const targetGroup = (t: UnitElbv2, name: string): string =>
  (
    t.call('CreateTargetGroup', {
      Name: name,
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-1',
      TargetType: 'ip',
    }) as TargetGroups
  ).TargetGroups[0]!.TargetGroupArn;

const loadBalancersOf = (t: UnitElbv2, arn: string): string[] =>
  (t.call('DescribeTargetGroups', { TargetGroupArns: [arn] }) as TargetGroups).TargetGroups[0]!
    .LoadBalancerArns;

/** The basic stack plus a blue/green pair and a production rule forwarding to blue, sticky for 60 s. */
const blueGreen = (store = new MemoryStateStore()) => {
  const t = unitElbv2({ store });
  const stack = basicStack(t);
  const blue = targetGroup(t, 'blue');
  const green = targetGroup(t, 'green');
  const rule = (
    t.call('CreateRule', {
      ListenerArn: stack.listenerArn,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', Values: ['/app/*'] }],
      Actions: [
        {
          Type: 'forward',
          Order: 7,
          ForwardConfig: {
            TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }],
            TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
          },
        },
      ],
    }) as Rules
  ).Rules[0]!.RuleArn;
  return { t, store, ...stack, blue, green, rule, cases: t.module.useCases };
};

describe('ruleForward', () => {
  it('reads a rule and a default rule; undefined for a missing rule or another partition', () => {
    const { t, cases, rule, blue, tgArn, lbArn, listenerArn } = blueGreen();
    expect(cases.ruleForward(P, rule)).toEqual({
      ruleArn: rule,
      listenerArn,
      loadBalancerArn: lbArn,
      targetGroups: [{ targetGroupArn: blue, weight: 1 }],
      onlyForward: true,
    });
    const defaultRule = (t.call('DescribeRules', { ListenerArn: listenerArn }) as Rules).Rules.at(
      -1,
    )!.RuleArn;
    expect(cases.ruleForward(P, defaultRule)).toMatchObject({
      targetGroups: [{ targetGroupArn: tgArn, weight: 1 }],
      onlyForward: true,
    });
    expect(cases.ruleForward(P, `${rule}0`)).toBeUndefined();
    expect(cases.ruleForward({ ...P, accountId: '210987654321' }, rule)).toBeUndefined();
  });

  it('a rule that does not forward has no target groups', () => {
    const { t, cases, listenerArn } = blueGreen();
    const fixed = (
      t.call('CreateRule', {
        ListenerArn: listenerArn,
        Priority: 20,
        Conditions: [{ Field: 'path-pattern', Values: ['/down'] }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
      }) as Rules
    ).Rules[0]!.RuleArn;
    expect(cases.ruleForward(P, fixed)).toMatchObject({ targetGroups: undefined, onlyForward: false });
  });
});

describe('setForwardWeights', () => {
  it("rewrites the forward action's groups and weights, keeping its order and stickiness, index in step", () => {
    const { t, cases, rule, blue, green, lbArn } = blueGreen();
    expect(loadBalancersOf(t, green)).toEqual([]);
    cases.setForwardWeights(P, rule, [
      { targetGroupArn: blue, weight: 100 },
      { targetGroupArn: green, weight: 0 },
    ]);
    expect((t.call('DescribeRules', { RuleArns: [rule] }) as Rules).Rules[0]!.Actions).toEqual([
      expect.objectContaining({
        Type: 'forward',
        Order: 7,
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: blue, Weight: 100 },
            { TargetGroupArn: green, Weight: 0 },
          ],
          TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
        },
      }),
    ]);
    expect(loadBalancersOf(t, green)).toEqual([lbArn]);
    cases.setForwardWeights(P, rule, [{ targetGroupArn: green, weight: 999 }]);
    expect(cases.ruleForward(P, rule)?.targetGroups).toEqual([{ targetGroupArn: green, weight: 999 }]);
    expect(loadBalancersOf(t, blue)).toEqual([]);
    expect(t.errorOf('DeleteTargetGroup', { TargetGroupArn: blue })).toBe('none');
  });

  it("reweighs a listener's default rule, as DescribeListeners then shows", () => {
    const { t, cases, tgArn, green, listenerArn } = blueGreen();
    const defaultRule = (t.call('DescribeRules', { ListenerArn: listenerArn }) as Rules).Rules.at(
      -1,
    )!.RuleArn;
    cases.setForwardWeights(P, defaultRule, [
      { targetGroupArn: tgArn, weight: 10 },
      { targetGroupArn: green, weight: 90 },
    ]);
    const listener = (
      t.call('DescribeListeners', { ListenerArns: [listenerArn] }) as {
        Listeners: { DefaultActions: { ForwardConfig?: unknown }[] }[];
      }
    ).Listeners[0]!;
    expect(listener.DefaultActions[0]!.ForwardConfig).toMatchObject({
      TargetGroups: [
        { TargetGroupArn: tgArn, Weight: 10 },
        { TargetGroupArn: green, Weight: 90 },
      ],
    });
  });

  it('writes nothing when the weights already are these', () => {
    const { cases, store, rule, blue } = blueGreen();
    const revision = store.revision;
    cases.setForwardWeights(P, rule, [{ targetGroupArn: blue, weight: 1 }]);
    expect(store.revision).toBe(revision);
    cases.setForwardWeights(P, rule, [{ targetGroupArn: blue, weight: 2 }]);
    expect(store.revision).toBe(revision + 1);
  });

  it("refuses with ELBv2's errors and leaves the rule as it was", () => {
    const { t, cases, rule, blue, green, listenerArn } = blueGreen();
    const other = (
      t.call('CreateLoadBalancer', { Name: 'other' }) as { LoadBalancers: { LoadBalancerArn: string }[] }
    ).LoadBalancers[0]!.LoadBalancerArn;
    const elsewhere = targetGroup(t, 'elsewhere');
    t.call('CreateListener', {
      LoadBalancerArn: other,
      Protocol: 'HTTP',
      Port: 81,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: elsewhere }],
    });
    const fixed = (
      t.call('CreateRule', {
        ListenerArn: listenerArn,
        Priority: 20,
        Conditions: [{ Field: 'path-pattern', Values: ['/down'] }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
      }) as Rules
    ).Rules[0]!.RuleArn;
    const set = (arn: string, weights: { targetGroupArn: string; weight: number }[]) =>
      apiErrorOf(() => cases.setForwardWeights(P, arn, weights));
    const one = [{ targetGroupArn: green, weight: 1 }];
    expect(set(`${rule}0`, one)).toBe('RuleNotFound: One or more rules not found');
    expect(apiErrorOf(() => cases.setForwardWeights({ ...P, region: 'eu-west-1' }, rule, one))).toBe(
      'RuleNotFound: One or more rules not found',
    );
    expect(set(fixed, one)).toBe(`InvalidLoadBalancerAction: Rule '${fixed}' has no forward action`);
    expect(set(rule, [])).toBe('ValidationError: A forward action must have at least one target group');
    expect(set(rule, [{ targetGroupArn: green, weight: 1000 }])).toBe(
      "ValidationError: Target group weight '1000' must be between 0 and 999",
    );
    expect(set(rule, [{ targetGroupArn: green, weight: 0.5 }])).toContain('ValidationError');
    expect(set(rule, [...one, ...one])).toBe(
      `InvalidLoadBalancerAction: Target group '${green}' is specified more than once in the forward config`,
    );
    expect(set(rule, [{ targetGroupArn: `${green}0`, weight: 1 }])).toBe(
      `TargetGroupNotFound: Target groups '[${green}0]' not found`,
    );
    expect(set(rule, [{ targetGroupArn: elsewhere, weight: 1 }])).toBe(
      `TargetGroupAssociationLimit: The following target groups cannot be associated with more than one load balancer: ${elsewhere}`,
    );
    expect(cases.ruleForward(P, rule)?.targetGroups).toEqual([{ targetGroupArn: blue, weight: 1 }]);
  });
});
