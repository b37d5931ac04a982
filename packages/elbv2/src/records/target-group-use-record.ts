/**
 * One rule forwarding to a target group: the index that answers "which load balancers use this
 * group" (TargetGroup.LoadBalancerArns, ResourceInUse, the one-load-balancer limit) without scans.
 */

export interface TargetGroupUseRecord {
  readonly targetGroupArn: string;
  readonly ruleArn: string;
  readonly listenerArn: string;
  readonly loadBalancerArn: string;
}
