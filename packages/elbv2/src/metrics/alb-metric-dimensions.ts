/**
 * The dimension values AWS/ApplicationELB uses: a load balancer is the end of its ARN after
 * `loadbalancer/` (`app/<name>/<id>`), a target group the end after the account
 * (`targetgroup/<name>/<id>`). Pure.
 */
import type { AlbMetricDimension } from './alb-metric-sink.js';

/** `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>` → `app/<name>/<id>`. */
export const loadBalancerDimension = (loadBalancerArn: string): AlbMetricDimension => ({
  Name: 'LoadBalancer',
  Value: loadBalancerArn.slice(loadBalancerArn.indexOf(':loadbalancer/') + ':loadbalancer/'.length),
});

/** `arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>` → `targetgroup/<name>/<id>`. */
export const targetGroupDimension = (targetGroupArn: string): AlbMetricDimension => ({
  Name: 'TargetGroup',
  Value: targetGroupArn.slice(targetGroupArn.indexOf(':targetgroup/') + 1),
});
