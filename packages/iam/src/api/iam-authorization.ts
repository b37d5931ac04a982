/**
 * The resources of an IAM call, for the gateway's policy check: the user or role it names (with
 * its stored path when it exists; an attached policy as the `iam:PolicyARN` key), else the policy
 * it names, else `*`.
 */
import type { Partition } from '@berth/core';
import type { OperationAuthorization } from '@berth/gateway';
import type { StoreReader } from '@berth/store';

import { textOf } from '../services/iam-validation.js';
import { getPrincipal } from '../services/principals.js';

const arnOf = (
  store: StoreReader,
  accountId: string,
  type: 'user' | 'role',
  name: unknown,
): string | undefined => {
  if (typeof name !== 'string' || name === '') return undefined;
  return getPrincipal(store, type, accountId, name)?.arn ?? `arn:aws:iam::${accountId}:${type}/${name}`;
};

export const iamAuthorization =
  (store: StoreReader) =>
  (operation: string, input: Record<string, unknown>, partition: Partition): OperationAuthorization => {
    const account = partition.accountId;
    const policyArn = typeof input['PolicyArn'] === 'string' ? input['PolicyArn'] : undefined;
    const principal =
      arnOf(store, account, 'user', input['UserName']) ?? arnOf(store, account, 'role', input['RoleName']);
    if (principal !== undefined)
      return policyArn === undefined
        ? { resources: [principal] }
        : { resources: [principal], context: { 'iam:PolicyARN': policyArn } };
    if (policyArn !== undefined) return { resources: [policyArn] };
    if (operation === 'CreatePolicy' && typeof input['PolicyName'] === 'string')
      return {
        resources: [`arn:aws:iam::${account}:policy${textOf(input['Path'] ?? '/')}${input['PolicyName']}`],
      };
    return { resources: ['*'] };
  };
