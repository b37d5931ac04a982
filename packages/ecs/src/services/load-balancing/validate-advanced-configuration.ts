/**
 * A load balancer entry's `advancedConfiguration`, which blue/green, linear and canary deployments
 * shift traffic with: the alternate target group and the production listener rule are required;
 * the test listener rule and the role optional (Berth has no IAM: the role is kept, not checked).
 * The alternate group exists, differs from the primary, has the target type the network mode needs
 * and is forwarded to by no other load balancer than the primary's (it need not be forwarded to
 * yet: ECS adds it to the rules at weight 0). Each listener rule exists, has only a forward action,
 * forwards only to the primary or the alternate group, and is on the primary group's load balancer.
 * ECS publishes none of these wordings: they are (impl), in the style of its other messages.
 */
import { invalidParameter, type Partition } from '@berth/core';
import type { AdvancedConfiguration, NetworkMode } from '@berth/wire/ecs';

import type { LoadBalancing } from './load-balancing.js';
import { checkedTargetGroup, checkTargetType } from './target-group-checks.js';

export interface PrimaryTargetGroup {
  readonly targetGroupArn: string;
  /** The load balancers forwarding to it (one, for an Application Load Balancer's group). */
  readonly loadBalancerArns: readonly string[];
}

interface RuleContext {
  readonly primary: PrimaryTargetGroup;
  readonly alternateArn: string;
  readonly partition: Partition;
  readonly loadBalancing: LoadBalancing;
}

const checkListenerRule = (
  member: 'productionListenerRule' | 'testListenerRule',
  ruleArn: string,
  { primary, alternateArn, partition, loadBalancing }: RuleContext,
): void => {
  const rule = loadBalancing.listenerRule(partition, ruleArn);
  if (!rule) throw invalidParameter(`The ${member} ${ruleArn} does not exist.`);
  if (!rule.onlyForward)
    throw invalidParameter(`The ${member} ${ruleArn} must have a forward action and no other action.`);
  if (!primary.loadBalancerArns.includes(rule.loadBalancerArn))
    throw invalidParameter(
      `The ${member} ${ruleArn} must belong to the load balancer of the target group ${primary.targetGroupArn}.`,
    );
  const pair = [primary.targetGroupArn, alternateArn];
  if (!(rule.targetGroups ?? []).every((t) => pair.includes(t.targetGroupArn)))
    throw invalidParameter(
      `The ${member} ${ruleArn} must forward only to the targetGroupArn or the alternateTargetGroupArn.`,
    );
};

/** The checked advancedConfiguration, its members in one order (as the service record keeps it). */
export const validateAdvancedConfiguration = (
  given: AdvancedConfiguration,
  primary: PrimaryTargetGroup,
  networkMode: NetworkMode,
  partition: Partition,
  loadBalancing: LoadBalancing,
): AdvancedConfiguration => {
  const { alternateTargetGroupArn: alternate, productionListenerRule: production } = given;
  if (!alternate) throw invalidParameter('advancedConfiguration.alternateTargetGroupArn must be specified.');
  if (!production) throw invalidParameter('advancedConfiguration.productionListenerRule must be specified.');
  if (alternate === primary.targetGroupArn)
    throw invalidParameter('The alternateTargetGroupArn must be different from the targetGroupArn.');
  const group = checkedTargetGroup(loadBalancing, partition, alternate, 'alternateTargetGroupArn');
  checkTargetType(alternate, group, networkMode);
  if (group.loadBalancerArns.some((lb) => !primary.loadBalancerArns.includes(lb)))
    throw invalidParameter(
      `The alternate target group ${alternate} is associated with a load balancer other than the one of the target group ${primary.targetGroupArn}.`,
    );
  const context: RuleContext = { primary, alternateArn: alternate, partition, loadBalancing };
  checkListenerRule('productionListenerRule', production, context);
  const test = given.testListenerRule;
  if (test !== undefined) checkListenerRule('testListenerRule', test, context);
  return {
    alternateTargetGroupArn: alternate,
    productionListenerRule: production,
    ...(test !== undefined ? { testListenerRule: test } : {}),
    ...(given.roleArn !== undefined ? { roleArn: given.roleArn } : {}),
  };
};
