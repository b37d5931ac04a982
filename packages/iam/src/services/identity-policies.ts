/**
 * The identity-based policies of a caller, parsed: a user's or an assumed role's inline policies
 * and its attached managed policies' default versions (groups: Berth has none). One store `get`
 * for the principal and one per attached policy; documents come from the parse cache.
 */
import type { PolicyDocument } from '@berth/core';
import type { CallerIdentity } from '@berth/gateway';
import type { StoreReader } from '@berth/store';

import type { PrincipalRecord, RoleRecord } from '../records/iam-records.js';

import { nameOfArn } from './iam-validation.js';
import { defaultTextsOf, findManagedPolicy } from './managed-policies.js';
import type { PolicyDocumentCache } from './policy-documents.js';
import { getPrincipal } from './principals.js';

/** The role an IAM role ARN names (`arn:aws:iam::<acct>:role/<path><name>`), if it exists as named. */
export const roleByArn = (store: StoreReader, arn: string): RoleRecord | undefined => {
  const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(arn);
  if (match?.[1] === undefined) return undefined;
  const role = getPrincipal(store, 'role', match[1], nameOfArn(arn));
  return role?.arn === arn ? role : undefined;
};

const principalOf = (store: StoreReader, identity: CallerIdentity): PrincipalRecord | undefined => {
  if (identity.kind === 'user' && identity.name !== undefined) {
    const user = getPrincipal(store, 'user', identity.accountId, identity.name);
    return user?.arn === identity.arn ? user : undefined;
  }
  if (identity.kind === 'assumed-role' && identity.roleArn !== undefined)
    return roleByArn(store, identity.roleArn);
  return undefined;
};

export const identityPoliciesOf = (
  store: StoreReader,
  cache: PolicyDocumentCache,
  identity: CallerIdentity,
): PolicyDocument[] => {
  const principal = principalOf(store, identity);
  if (principal === undefined) return [];
  const documents = [...cache.ofRecord(principal, () => Object.values(principal.inlinePolicies), 'identity')];
  for (const arn of principal.attachedPolicyArns) {
    const view = findManagedPolicy(store, arn);
    if (view !== undefined)
      documents.push(...cache.ofRecord(view.policy, () => defaultTextsOf(view), 'identity'));
  }
  return documents;
};
