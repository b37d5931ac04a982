/** ECR repository ARNs: `arn:aws:ecr:<region>:<account>:repository/<name>`. */
import type { Partition } from '@berth/core';

export const repositoryArn = (partition: Partition, name: string): string =>
  `arn:aws:ecr:${partition.region}:${partition.accountId}:repository/${name}`;

/** The repository name an ARN of this partition names, or undefined when it names none. */
export const repositoryNameOfArn = (partition: Partition, arn: string): string | undefined => {
  const prefix = `arn:aws:ecr:${partition.region}:${partition.accountId}:repository/`;
  return arn.startsWith(prefix) && arn.length > prefix.length ? arn.slice(prefix.length) : undefined;
};
