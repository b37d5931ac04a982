/** Parameter ARNs: `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`. */
import type { Partition } from '@berth/core';

export const parameterArnPrefix = (partition: Partition): string =>
  `arn:aws:ssm:${partition.region}:${partition.accountId}:parameter/`;

export const parameterArn = (partition: Partition, name: string): string =>
  `${parameterArnPrefix(partition)}${name.startsWith('/') ? name.slice(1) : name}`;
