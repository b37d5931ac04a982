/**
 * Whose account setting a request names [M PutAccountSetting.principalArn]: a user, a role or the
 * root user of the caller's account; omitted, the caller. Only the root user may name another
 * principal; federated users take the root user's settings and cannot have their own.
 */
import { accessDenied, invalidParameter, type Partition } from '@berth/core';

export const rootPrincipal = (partition: Partition): string => `arn:aws:iam::${partition.accountId}:root`;

const PRINCIPAL = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/;

export const isRootPrincipal = (arn: string): boolean => /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(arn);

/** The principal a setting is stored under, after ECS's rules (wordings are (impl)). */
export const settingPrincipal = (partition: Partition, callerArn: string, given: unknown): string => {
  if (given === undefined || given === null) return callerArn;
  const match = typeof given === 'string' ? PRINCIPAL.exec(given) : null;
  const [, service = '', account = '', resource = ''] = match ?? [];
  if (!match || account !== partition.accountId) {
    throw invalidParameter(
      `Invalid principalArn: ${typeof given === 'string' ? given : JSON.stringify(given)}. Specify a user, role or the root user of this account.`,
    );
  }
  if (service === 'sts' || !(resource === 'root' || /^(user|role)\/.+/.test(resource))) {
    throw invalidParameter(
      'Federated users assume the account setting of the root user and cannot have account settings of their own.',
    );
  }
  const arn = given as string;
  if (arn !== callerArn && !isRootPrincipal(callerArn)) {
    throw accessDenied(`Only the root user or ${arn} itself may change the account settings of ${arn}.`);
  }
  return arn;
};
