/**
 * The weights a service wants on the listener rules of its load balancers' advancedConfiguration
 * [G alb-resources-for-blue-green]: the production rule forwards to the entry's two target groups,
 * the PRIMARY deployment's group taking its traffic share and the other group the rest; the test
 * rule likewise with the test share. A traffic-shifting PRIMARY's shares are those of its shift
 * (0 % until green is steady, then per the strategy); any other PRIMARY takes everything, so after a
 * rollback the blue revision's group has all the traffic again. Weights are whole percentages
 * (ELBv2 weights are integers): a share above 0 but under 1 % is 1. Pure.
 */
import type { LoadBalancer } from '@berth/wire/ecs';

import type { ServiceDeployment } from '../../services/ecs-services/service-record.js';
import { targetGroupFor } from '../../services/load-balancing/target-group-sides.js';

export interface ForwardWeight {
  readonly targetGroupArn: string;
  readonly weight: number;
}

export interface RuleWeights {
  readonly ruleArn: string;
  readonly weights: readonly ForwardWeight[];
}

const weightOf = (percent: number): number =>
  percent > 0 && percent < 1 ? 1 : Math.min(100, Math.max(0, Math.round(percent)));

export const planTrafficWeights = (
  loadBalancers: readonly LoadBalancer[],
  deployments: readonly ServiceDeployment[],
): RuleWeights[] => {
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) return [];
  const green = primary.alternateTargetGroups === true;
  const production = primary.shift?.productionPercent ?? 100;
  const test = primary.shift?.testPercent ?? 100;
  const rules: RuleWeights[] = [];
  for (const lb of loadBalancers) {
    const advanced = lb.advancedConfiguration;
    const primaryGroup = targetGroupFor(lb, green);
    const otherGroup = targetGroupFor(lb, !green);
    if (!advanced || !primaryGroup || !otherGroup || primaryGroup === otherGroup) continue;
    const split = (percent: number): ForwardWeight[] => [
      { targetGroupArn: primaryGroup, weight: weightOf(percent) },
      { targetGroupArn: otherGroup, weight: 100 - weightOf(percent) },
    ];
    if (advanced.productionListenerRule)
      rules.push({ ruleArn: advanced.productionListenerRule, weights: split(production) });
    if (advanced.testListenerRule) rules.push({ ruleArn: advanced.testListenerRule, weights: split(test) });
  }
  return rules;
};

/** The same groups with the same weights, in any order. */
export const sameWeights = (
  a: readonly ForwardWeight[] | undefined,
  b: readonly ForwardWeight[],
): boolean => {
  if (!a || a.length !== b.length) return false;
  const key = (w: ForwardWeight): string => `${w.targetGroupArn}=${w.weight}`;
  const wanted = new Set(b.map(key));
  return a.every((w) => wanted.has(key(w)));
};
