/**
 * ECS's LoadBalancing port, served by the ELBv2 module's use cases: the only place the two APIs
 * meet, so that neither package imports the other.
 */
import type { LoadBalancing } from '@berth/ecs';
import type { Elbv2UseCases } from '@berth/elbv2';

export const ecsLoadBalancing = (elbv2: Elbv2UseCases): LoadBalancing => ({
  targetGroup: (partition, arn) => {
    const settings = elbv2.targetGroupSettings(partition, arn);
    return settings
      ? {
          targetGroupArn: settings.targetGroupArn,
          targetType: settings.targetType,
          loadBalancerArns: settings.loadBalancerArns,
          deregistrationDelaySeconds: settings.deregistrationDelaySeconds,
        }
      : undefined;
  },
  registerTargets: (partition, arn, targets) => elbv2.registerTargets(partition, arn, targets),
  deregisterTargets: (partition, arn, targets) => elbv2.deregisterTargets(partition, arn, targets),
  targetHealth: (partition, arn, target) => {
    const health = elbv2.targetHealth(partition, arn, [target])[0]?.health;
    const state = health?.State ?? 'unused';
    return {
      // unhealthy.draining (an unhealthy target being deregistered) drains like any other.
      state: state === 'unhealthy.draining' ? 'draining' : state,
      ...(health?.Reason !== undefined ? { reason: health.Reason } : {}),
      ...(health?.Description !== undefined ? { description: health.Description } : {}),
    };
  },
  listenerRule: (partition, ruleArn) => elbv2.ruleForward(partition, ruleArn),
  setForwardWeights: (partition, ruleArn, weights) => elbv2.setForwardWeights(partition, ruleArn, weights),
});
