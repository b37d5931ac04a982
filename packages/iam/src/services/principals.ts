/**
 * Reading and replacing users and roles: the one place that knows their store kinds and keys,
 * shared by the use cases that manage their policies.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';

import { IAM_KIND, principalKey, type RoleRecord, type UserRecord } from '../records/iam-records.js';

import { noSuchRole, noSuchUser } from './iam-errors.js';

export type PrincipalType = 'user' | 'role';

export interface PrincipalOf {
  user: UserRecord;
  role: RoleRecord;
}

export const getPrincipal = <K extends PrincipalType>(
  store: StoreReader,
  type: K,
  accountId: string,
  name: string,
): PrincipalOf[K] | undefined => store.get<PrincipalOf[K]>(IAM_KIND[type], principalKey(accountId, name));

export const requirePrincipal = <K extends PrincipalType>(
  store: StoreReader,
  type: K,
  accountId: string,
  name: string,
): PrincipalOf[K] => {
  const found = getPrincipal(store, type, accountId, name);
  if (found === undefined) throw type === 'user' ? noSuchUser(name) : noSuchRole(name);
  return found;
};

export const putPrincipal = <K extends PrincipalType>(
  tx: StoreTransaction,
  type: K,
  record: PrincipalOf[K],
): void => tx.put(IAM_KIND[type], principalKey(record.accountId, record.name), record.accountId, record);

export const sortByName = <T extends { readonly name: string }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
