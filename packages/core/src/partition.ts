/** Resources are partitioned by account and region, as on AWS. */
export interface Partition {
  readonly accountId: string;
  readonly region: string;
}

export const partitionKey = (p: Partition): string => `${p.accountId}/${p.region}`;

/** The partition an ECS ARN (`arn:aws:ecs:<region>:<account>:…`) belongs to. */
export const partitionOfArn = (arn: string): Partition => {
  const [, , , region = '', accountId = ''] = arn.split(':');
  return { accountId, region };
};
