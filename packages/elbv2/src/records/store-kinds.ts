/**
 * The store kinds ELBv2 records live under, and the scope each is listed by: load balancers and
 * target groups by partition, listeners by their load balancer, rules by their listener,
 * registered targets and target-group uses by their target group. Every listing is an index
 * lookup, never a scan of another scope.
 */
export const ELBV2_KIND = {
  /** scope: partition key */
  loadBalancer: 'elbv2-load-balancer',
  /** scope: load balancer ARN */
  listener: 'elbv2-listener',
  /** scope: listener ARN */
  rule: 'elbv2-rule',
  /** scope: partition key */
  targetGroup: 'elbv2-target-group',
  /** scope: target group ARN; key: targetKey() */
  registeredTarget: 'elbv2-registered-target',
  /** scope: target group ARN; key: useKey(). Which rules forward to a target group. */
  targetGroupUse: 'elbv2-target-group-use',
  /** scope: partition key; key: the resource ARN */
  tags: 'elbv2-tags',
} as const;

/** The key of one registered target: its target group, id and port identify it. */
export const targetKey = (targetGroupArn: string, id: string, port: number): string =>
  `${targetGroupArn}|${id}|${port}`;

/** The key of one (target group, rule) use. */
export const useKey = (targetGroupArn: string, ruleArn: string): string => `${targetGroupArn}|${ruleArn}`;
