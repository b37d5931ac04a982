/** What the cluster query language can see of a container instance. */
export interface QueryableInstance {
  readonly arn: string;
  readonly ec2InstanceId: string;
  readonly agentConnected: boolean;
  readonly agentVersion: string;
  /** Registration time, epoch seconds. */
  readonly registeredAt: number;
  readonly runningTasksCount: number;
  /** Attribute name → value; a key present with an `undefined` value is an attribute without a value. */
  readonly attributes: Readonly<Record<string, string | undefined>>;
  /** Task group → number of the instance's tasks in that group. */
  readonly taskGroups: Readonly<Record<string, number>>;
}

/**
 * `record[key]` only when `key` is the record's own property (never `constructor`, `__proto__`...).
 * Reads first: a miss, the common case in placement's inner loop, then costs no `hasOwn`.
 */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => {
  const value = record[key];
  return value !== undefined && Object.hasOwn(record, key) ? value : undefined;
};
