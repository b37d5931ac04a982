/** Secret ARNs: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>`. */
import type { Partition } from '@berth/core';

export const secretArnPrefix = (partition: Partition): string =>
  `arn:aws:secretsmanager:${partition.region}:${partition.accountId}:secret:`;

export const secretArn = (partition: Partition, name: string, suffix: string): string =>
  `${secretArnPrefix(partition)}${name}-${suffix}`;

/** The ARN IAM sees for a secret that does not exist (yet): the partial ARN, no suffix. */
export const partialSecretArn = (partition: Partition, name: string): string =>
  `${secretArnPrefix(partition)}${name}`;
