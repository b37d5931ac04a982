/**
 * The policies of a user or a role: attached managed policies (at most 10) and inline policies
 * (put, get, delete, list). Each change replaces the principal record in one transaction, with
 * the attached policy's attachment count.
 */
import type { AttachedPolicy, ListEntitiesForPolicyResponse } from '@berth/wire/iam';

import { IAM_KIND, type PrincipalRecord } from '../records/iam-records.js';

import type { IamDeps } from './iam-deps.js';
import { limitExceeded, noSuchEntity } from './iam-errors.js';
import { type IamPage, paginate } from './iam-pagination.js';
import { prefixOf, requiredString, validName } from './iam-validation.js';
import { countAttachment, findManagedPolicy } from './managed-policies.js';
import { type PolicyDocumentCache, encodeDocument, validDocument } from './policy-documents.js';
import { type PrincipalType, putPrincipal, requirePrincipal, sortByName } from './principals.js';

const MAX_ATTACHED = 10;
const QUOTA: Record<PrincipalType, string> = { user: 'PoliciesPerUser', role: 'PoliciesPerRole' };

export type PolicyEntities = Required<Omit<ListEntitiesForPolicyResponse, 'Marker'>>;

export interface InlinePolicy {
  readonly name: string;
  readonly policyName: string;
  /** URL-encoded, as IAM returns it. */
  readonly policyDocument: string;
}

export class PrincipalPoliciesService {
  constructor(
    private readonly deps: IamDeps,
    private readonly documents: PolicyDocumentCache,
  ) {}

  private nameOf(type: PrincipalType, name: unknown): string {
    return validName(`${type}Name`, name, 64);
  }

  attach(type: PrincipalType, accountId: string, name: unknown, arn: unknown): void {
    const principalName = this.nameOf(type, name);
    const policyArn = requiredString('policyArn', arn);
    this.deps.store.transact((tx) => {
      const principal = requirePrincipal(tx, type, accountId, principalName);
      const view = findManagedPolicy(tx, policyArn);
      if (view === undefined || (view.source === 'customer' && view.policy.accountId !== accountId))
        throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
      if (principal.attachedPolicyArns.includes(policyArn)) return;
      if (principal.attachedPolicyArns.length >= MAX_ATTACHED)
        throw limitExceeded(`Cannot exceed quota for ${QUOTA[type]}: ${MAX_ATTACHED}`);
      putPrincipal(tx, type, {
        ...principal,
        attachedPolicyArns: [...principal.attachedPolicyArns, policyArn],
      });
      countAttachment(tx, accountId, view, 1);
    });
  }

  detach(type: PrincipalType, accountId: string, name: unknown, arn: unknown): void {
    const principalName = this.nameOf(type, name);
    const policyArn = requiredString('policyArn', arn);
    this.deps.store.transact((tx) => {
      const principal = requirePrincipal(tx, type, accountId, principalName);
      if (!principal.attachedPolicyArns.includes(policyArn))
        throw noSuchEntity(`Policy ${policyArn} was not attached.`);
      putPrincipal(tx, type, {
        ...principal,
        attachedPolicyArns: principal.attachedPolicyArns.filter((a) => a !== policyArn),
      });
      const view = findManagedPolicy(tx, policyArn);
      if (view !== undefined) countAttachment(tx, accountId, view, -1);
    });
  }

  listAttached(
    type: PrincipalType,
    accountId: string,
    name: unknown,
    pathPrefix: unknown,
    marker: unknown,
    maxItems: unknown,
  ): IamPage<AttachedPolicy> {
    const principal = requirePrincipal(this.deps.store, type, accountId, this.nameOf(type, name));
    const prefix = prefixOf(pathPrefix);
    const attached = principal.attachedPolicyArns.flatMap((arn): AttachedPolicy[] => {
      const view = findManagedPolicy(this.deps.store, arn);
      return view === undefined || !view.policy.path.startsWith(prefix)
        ? []
        : [{ PolicyName: view.policy.policyName, PolicyArn: arn }];
    });
    return paginate(attached, marker, maxItems);
  }

  /** The users and roles a managed policy is attached to (a scan of the account: an admin call). */
  entitiesFor(accountId: string, arn: unknown, filter: unknown): PolicyEntities {
    const policyArn = requiredString('policyArn', arn);
    const view = findManagedPolicy(this.deps.store, policyArn);
    if (view === undefined || (view.source === 'customer' && view.policy.accountId !== accountId))
      throw noSuchEntity(`Policy ${policyArn} was not found.`);
    const wants = (type: string): boolean => filter === undefined || filter === type;
    const holders = (type: PrincipalType): PrincipalRecord[] =>
      sortByName(this.deps.store.list<PrincipalRecord>(IAM_KIND[type], accountId)).filter((p) =>
        p.attachedPolicyArns.includes(policyArn),
      );
    return {
      PolicyGroups: [],
      PolicyUsers: wants('User') ? holders('user').map((u) => ({ UserName: u.name, UserId: u.id })) : [],
      PolicyRoles: wants('Role') ? holders('role').map((r) => ({ RoleName: r.name, RoleId: r.id })) : [],
      IsTruncated: false,
    };
  }

  putInline(
    type: PrincipalType,
    accountId: string,
    name: unknown,
    policyName: unknown,
    document: unknown,
  ): void {
    const principalName = this.nameOf(type, name);
    const inlineName = validName('policyName', policyName, 128);
    const text = validDocument(this.documents, 'policyDocument', document, 'identity');
    this.deps.store.transact((tx) => {
      const principal = requirePrincipal(tx, type, accountId, principalName);
      putPrincipal(tx, type, {
        ...principal,
        inlinePolicies: { ...principal.inlinePolicies, [inlineName]: text },
      });
    });
  }

  private noSuchInline(type: PrincipalType, policyName: string): Error {
    return noSuchEntity(`The ${type} policy with name ${policyName} cannot be found.`);
  }

  getInline(type: PrincipalType, accountId: string, name: unknown, policyName: unknown): InlinePolicy {
    const principal = requirePrincipal(this.deps.store, type, accountId, this.nameOf(type, name));
    const inlineName = validName('policyName', policyName, 128);
    const text = principal.inlinePolicies[inlineName];
    if (text === undefined) throw this.noSuchInline(type, inlineName);
    return { name: principal.name, policyName: inlineName, policyDocument: encodeDocument(text) };
  }

  deleteInline(type: PrincipalType, accountId: string, name: unknown, policyName: unknown): void {
    const principalName = this.nameOf(type, name);
    const inlineName = validName('policyName', policyName, 128);
    this.deps.store.transact((tx) => {
      const principal = requirePrincipal(tx, type, accountId, principalName);
      if (principal.inlinePolicies[inlineName] === undefined) throw this.noSuchInline(type, inlineName);
      const { [inlineName]: _removed, ...rest } = principal.inlinePolicies;
      putPrincipal(tx, type, { ...principal, inlinePolicies: rest });
    });
  }

  listInline(
    type: PrincipalType,
    accountId: string,
    name: unknown,
    marker: unknown,
    maxItems: unknown,
  ): IamPage<string> {
    const principal = requirePrincipal(this.deps.store, type, accountId, this.nameOf(type, name));
    return paginate(Object.keys(principal.inlinePolicies).sort(), marker, maxItems);
  }
}
