/**
 * ELBv2 ARNs exactly as AWS forms them, and the pieces Berth reads back out of them:
 *   arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<16 hex>
 *   …:listener/app/<lb-name>/<lb-id>/<16 hex>
 *   …:listener-rule/app/<lb-name>/<lb-id>/<listener-id>/<16 hex>
 *   …:targetgroup/<name>/<16 hex>
 */
import type { Partition } from '@berth/core';

const prefix = (p: Partition): string => `arn:aws:elasticloadbalancing:${p.region}:${p.accountId}:`;

export const loadBalancerArn = (p: Partition, name: string, id: string): string =>
  `${prefix(p)}loadbalancer/app/${name}/${id}`;

/** The listener ARN under a load balancer ARN. */
export const listenerArn = (lbArn: string, id: string): string =>
  `${lbArn.replace(':loadbalancer/', ':listener/')}/${id}`;

/** The rule ARN under a listener ARN. */
export const ruleArn = (listenerArnValue: string, id: string): string =>
  `${listenerArnValue.replace(':listener/', ':listener-rule/')}/${id}`;

export const targetGroupArn = (p: Partition, name: string, id: string): string =>
  `${prefix(p)}targetgroup/${name}/${id}`;

export type Elbv2ResourceType = 'loadbalancer' | 'listener' | 'listener-rule' | 'targetgroup';

const ARN_PATTERN =
  /^arn:aws:elasticloadbalancing:([a-z0-9-]+):(\d{12}):(loadbalancer|listener|listener-rule|targetgroup)\/(.+)$/;

/** The resource type an ELBv2 ARN names, or undefined when it is not one. */
export const resourceTypeOf = (arn: string): Elbv2ResourceType | undefined => {
  const match = ARN_PATTERN.exec(arn);
  return match ? (match[3] as Elbv2ResourceType) : undefined;
};

/** The short id of a resource: the last part of its ARN. */
export const shortId = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
