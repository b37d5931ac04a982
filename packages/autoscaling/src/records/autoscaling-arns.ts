/**
 * Application Auto Scaling's ARNs:
 * - scalable target: `arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>`;
 * - scaling policy: `arn:aws:autoscaling:<region>:<account>:scalingPolicy:<uuid>:resource/ecs/<resourceId>:policyName/<name>`;
 * - scheduled action: `…:scheduledAction:<uuid>:resource/ecs/<resourceId>:scheduledActionName/<name>`;
 * - a CloudWatch alarm: `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`.
 */
import type { Partition } from '@berth/core';

export const scalableTargetArn = (p: Partition, id: string): string =>
  `arn:aws:application-autoscaling:${p.region}:${p.accountId}:scalable-target/${id}`;

export const scalingPolicyArn = (p: Partition, uuid: string, resourceId: string, name: string): string =>
  `arn:aws:autoscaling:${p.region}:${p.accountId}:scalingPolicy:${uuid}:resource/ecs/${resourceId}:policyName/${name}`;

export const scheduledActionArn = (p: Partition, uuid: string, resourceId: string, name: string): string =>
  `arn:aws:autoscaling:${p.region}:${p.accountId}:scheduledAction:${uuid}:resource/ecs/${resourceId}:scheduledActionName/${name}`;

export const alarmArn = (p: Partition, name: string): string =>
  `arn:aws:cloudwatch:${p.region}:${p.accountId}:alarm:${name}`;

export interface PolicyArnParts {
  readonly partition: Partition;
  readonly resourceId: string;
  readonly policyName: string;
}

const POLICY_ARN =
  /^arn:aws:autoscaling:([a-z0-9-]+):(\d{12}):scalingPolicy:[0-9a-f-]+:resource\/ecs\/(service\/[^/:]+\/[^/:]+):policyName\/(.+)$/;

/** The partition, resource and policy name a policy ARN names, or undefined when it is not one. */
export const parsePolicyArn = (arn: string): PolicyArnParts | undefined => {
  const match = POLICY_ARN.exec(arn);
  if (!match) return undefined;
  const [, region = '', accountId = '', resourceId = '', policyName = ''] = match;
  return { partition: { accountId, region }, resourceId, policyName };
};
