/**
 * Blue and green take turns in a load balancer entry's two target groups [G
 * alb-resources-for-blue-green]: a traffic-shifting deployment puts its tasks into the group the
 * serving revision does not use, and once it completes, that group is the serving one; the next
 * deployment goes back to the other. A ROLLING deployment stays in the serving revision's group.
 * Without an advancedConfiguration there is one group only. Pure.
 */
import type { LoadBalancer } from '@berth/wire/ecs';

import type { ServiceDeployment } from '../ecs-services/service-record.js';

/** The target group of `lb` that a deployment on the alternate side (or not) registers into. */
export const targetGroupFor = (lb: LoadBalancer, alternate: boolean): string | undefined =>
  alternate && lb.advancedConfiguration?.alternateTargetGroupArn
    ? lb.advancedConfiguration.alternateTargetGroupArn
    : lb.targetGroupArn;

/** The deployment whose tasks serve production now: the PRIMARY once completed, else the last completed one. */
const serving = (
  deployments: readonly ServiceDeployment[],
  lastCompleted: ServiceDeployment | undefined,
): ServiceDeployment | undefined => {
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  return primary?.rolloutState === 'COMPLETED' ? primary : (lastCompleted ?? primary);
};

export const alternateForNewDeployment = (input: {
  readonly deployments: readonly ServiceDeployment[];
  readonly lastCompleted: ServiceDeployment | undefined;
  readonly loadBalancers: readonly LoadBalancer[];
  readonly shifting: boolean;
}): boolean => {
  const servingAlternate = serving(input.deployments, input.lastCompleted)?.alternateTargetGroups === true;
  const paired = input.loadBalancers.some((lb) => lb.advancedConfiguration?.alternateTargetGroupArn);
  if (!paired) return false;
  return input.shifting ? !servingAlternate : servingAlternate;
};
