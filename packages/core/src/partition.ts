/** Resources are partitioned by account and region, as on AWS. */
export interface Partition {
  readonly accountId: string;
  readonly region: string;
}

export const partitionKey = (p: Partition): string => `${p.accountId}/${p.region}`;
