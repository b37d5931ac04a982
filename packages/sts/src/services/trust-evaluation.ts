/**
 * Whether a caller may assume a role: the role's trust policy must allow sts:AssumeRole for the
 * caller — a statement naming the caller's account counts, as in AWS — AND either the trust
 * policy names the caller itself (its ARN, its role's ARN, or `*`), or the caller's identity
 * policies allow sts:AssumeRole on the role (the account root always may). An explicit Deny in
 * either wins.
 */
import {
  evaluatePolicies,
  type PolicyDocument,
  type PolicyRequest,
  type PolicyStatement,
  type PrincipalSet,
} from '@berth/core';
import type { CallerIdentity } from '@berth/gateway';
import { principalContext, requestPrincipalOf } from '@berth/iam';

const namesAny = (set: PrincipalSet | undefined, names: ReadonlySet<string>): boolean =>
  set !== undefined && (set === '*' || (set['AWS'] ?? []).some((n) => names.has(n)));

/** The trust policy with the caller's account principals also naming the caller. */
const expandAccount = (trust: PolicyDocument, identity: CallerIdentity): PolicyDocument => {
  const account = new Set([identity.accountId, `arn:aws:iam::${identity.accountId}:root`]);
  const expand = (statement: PolicyStatement): PolicyStatement => {
    const set = statement.principal;
    if (set === undefined || set === '*' || !(set['AWS'] ?? []).some((n) => account.has(n))) return statement;
    return { ...statement, principal: { ...set, AWS: [...(set['AWS'] ?? []), identity.arn] } };
  };
  return { ...trust, statements: trust.statements.map(expand) };
};

/** Only the statements that name the caller directly (and every Deny). */
const direct = (trust: PolicyDocument, identity: CallerIdentity): PolicyDocument => {
  const names = new Set([identity.arn, ...(identity.roleArn !== undefined ? [identity.roleArn] : [])]);
  return {
    ...trust,
    statements: trust.statements.filter((s) => s.effect === 'Deny' || namesAny(s.principal, names)),
  };
};

export const mayAssumeRole = (
  identity: CallerIdentity,
  role: { readonly arn: string; readonly trustPolicy: PolicyDocument },
  identityPolicies: () => readonly PolicyDocument[],
): boolean => {
  const request: PolicyRequest = {
    principal: requestPrincipalOf(identity),
    action: 'sts:AssumeRole',
    resource: role.arn,
    context: principalContext(identity),
  };
  if (
    evaluatePolicies({ identity: [], resource: expandAccount(role.trustPolicy, identity) }, request) !==
    'Allow'
  )
    return false;
  if (evaluatePolicies({ identity: [], resource: direct(role.trustPolicy, identity) }, request) === 'Allow')
    return true;
  if (identity.kind === 'root' && identity.accountId === role.arn.split(':')[4]) return true;
  return evaluatePolicies({ identity: identityPolicies() }, request) === 'Allow';
};

/** Whether a service principal (e.g. `ecs-tasks.amazonaws.com`) may assume the role. */
export const serviceMayAssumeRole = (
  service: string,
  accountId: string,
  role: { readonly arn: string; readonly trustPolicy: PolicyDocument },
): boolean =>
  evaluatePolicies(
    { identity: [], resource: role.trustPolicy },
    {
      principal: { arn: service, accountId, service },
      action: 'sts:AssumeRole',
      resource: role.arn,
      context: { 'aws:PrincipalServiceName': service },
    },
  ) === 'Allow';
