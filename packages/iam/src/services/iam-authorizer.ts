/**
 * The gateway's Authorizer over IAM: the account root may do everything; a user or an assumed
 * role is evaluated per resource against its identity policies (core's evaluatePolicies), with
 * the global condition keys (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
 * aws:PrincipalType) filled in when the request does not give them. Calls that authorize
 * themselves are let through: sts:GetCallerIdentity needs no permission, and sts:AssumeRole
 * weighs the role's trust policy with the caller's policies in STS.
 */
import { evaluatePolicies, type RequestPrincipal } from '@berth/core';
import type { AuthorizationDecision, AuthorizationRequest, Authorizer, CallerIdentity } from '@berth/gateway';
import type { StoreReader } from '@berth/store';

import { identityPoliciesOf } from './identity-policies.js';
import type { PolicyDocumentCache } from './policy-documents.js';

const SELF_AUTHORIZED = new Set(['sts:getcalleridentity', 'sts:assumerole']);

const PRINCIPAL_TYPE: Record<CallerIdentity['kind'], string> = {
  root: 'Account',
  user: 'User',
  'assumed-role': 'AssumedRole',
};

/** The global condition keys IAM sets for a principal. */
export const principalContext = (identity: CallerIdentity): Record<string, string> => ({
  'aws:userid': identity.userId,
  'aws:PrincipalArn':
    identity.kind === 'assumed-role' && identity.roleArn !== undefined ? identity.roleArn : identity.arn,
  'aws:PrincipalAccount': identity.accountId,
  'aws:PrincipalType': PRINCIPAL_TYPE[identity.kind],
  ...(identity.kind === 'user' && identity.name !== undefined ? { 'aws:username': identity.name } : {}),
});

export const requestPrincipalOf = (identity: CallerIdentity): RequestPrincipal => ({
  arn: identity.arn,
  accountId: identity.accountId,
  ...(identity.roleArn !== undefined ? { roleArn: identity.roleArn } : {}),
});

/** `given` with each of `defaults` whose name (case-insensitively) it lacks. */
export const withDefaults = (
  given: Readonly<Record<string, string | readonly string[]>>,
  defaults: Readonly<Record<string, string>>,
): Record<string, string | readonly string[]> => {
  const present = new Set(Object.keys(given).map((k) => k.toLowerCase()));
  const merged: Record<string, string | readonly string[]> = { ...given };
  for (const [key, value] of Object.entries(defaults))
    if (!present.has(key.toLowerCase())) merged[key] = value;
  return merged;
};

export const iamAuthorizer = (store: StoreReader, cache: PolicyDocumentCache): Authorizer => ({
  authorize: ({ identity, action, resources, context }: AuthorizationRequest): AuthorizationDecision => {
    if (identity.kind === 'root') return { allowed: true };
    if (SELF_AUTHORIZED.has(action.toLowerCase())) return { allowed: true };
    const documents = identityPoliciesOf(store, cache, identity);
    const principal = requestPrincipalOf(identity);
    const fullContext = withDefaults(context, principalContext(identity));
    for (const resource of resources.length > 0 ? resources : ['*']) {
      const decision = evaluatePolicies(
        { identity: documents },
        { principal, action, resource, context: fullContext },
      );
      if (decision !== 'Allow')
        return { allowed: false, resource, reason: decision === 'ExplicitDeny' ? 'explicit' : 'implicit' };
    }
    return { allowed: true };
  },
});
