/**
 * The resources of an IAM call, for the gateway's policy check: the user, role or policy it
 * names (with its stored path when it exists), else `*`.
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
    const resources = [
      arnOf(store, account, 'user', input['UserName']),
      arnOf(store, account, 'role', input['RoleName']),
      typeof input['PolicyArn'] === 'string' ? input['PolicyArn'] : undefined,
    ].filter((r): r is string => r !== undefined);
    if (resources.length > 0) return { resources };
    if (operation === 'CreatePolicy' && typeof input['PolicyName'] === 'string')
      return {
        resources: [`arn:aws:iam::${account}:policy${textOf(input['Path'] ?? '/')}${input['PolicyName']}`],
      };
    return { resources: ['*'] };
  };
