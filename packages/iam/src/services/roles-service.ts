/** IAM roles: create (trust policy checked as 'trust'), get, list, update, delete. */
import type { Role } from '@berth/wire/iam';

import { IAM_KIND, principalKey, type RoleRecord } from '../records/iam-records.js';

import { type IamDeps, nowSeconds } from './iam-deps.js';
import { constraintError, deleteConflict, entityAlreadyExists, validationError } from './iam-errors.js';
import { type IamPage, paginate } from './iam-pagination.js';
import { mergeTags, removeTags, tagsOutput, validTags } from './iam-tags.js';
import { prefixOf, textOf, validName, validPath } from './iam-validation.js';
import { type PolicyDocumentCache, encodeDocument, validDocument } from './policy-documents.js';
import { getPrincipal, putPrincipal, requirePrincipal, sortByName } from './principals.js';

export const DEFAULT_MAX_SESSION_DURATION = 3600;

export const roleOutput = (role: RoleRecord): Role => ({
  Path: role.path,
  RoleName: role.name,
  RoleId: role.id,
  Arn: role.arn,
  CreateDate: role.createDate,
  AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicyDocument),
  ...(role.description !== undefined ? { Description: role.description } : {}),
  MaxSessionDuration: role.maxSessionDuration,
  ...tagsOutput(role.tags),
  RoleLastUsed: {},
});

const validDuration = (value: unknown): number => {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200)
    throw constraintError('maxSessionDuration', value, 'Member must have value between 3600 and 43200');
  return seconds;
};

const validDescription = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  const text = textOf(value);
  if (text.length > 1000)
    throw constraintError('description', text, 'Member must have length less than or equal to 1000');
  return text;
};

export interface CreateRoleInput {
  readonly RoleName?: unknown;
  readonly Path?: unknown;
  readonly AssumeRolePolicyDocument?: unknown;
  readonly Description?: unknown;
  readonly MaxSessionDuration?: unknown;
  readonly PermissionsBoundary?: unknown;
  readonly Tags?: unknown;
}

export class RolesService {
  constructor(
    private readonly deps: IamDeps,
    private readonly documents: PolicyDocumentCache,
  ) {}

  create(accountId: string, input: CreateRoleInput): Role {
    const name = validName('roleName', input.RoleName, 64);
    const path = validPath(input.Path);
    const trust = validDocument(
      this.documents,
      'assumeRolePolicyDocument',
      input.AssumeRolePolicyDocument,
      'trust',
    );
    if (input.PermissionsBoundary !== undefined)
      throw validationError('Berth does not support permissions boundaries.');
    const description = validDescription(input.Description);
    const record: RoleRecord = {
      accountId,
      name,
      path,
      id: this.deps.ids.uniqueId('AROA'),
      arn: `arn:aws:iam::${accountId}:role${path}${name}`,
      createDate: nowSeconds(this.deps),
      inlinePolicies: {},
      attachedPolicyArns: [],
      tags: validTags(input.Tags),
      assumeRolePolicyDocument: trust,
      ...(description !== undefined ? { description } : {}),
      maxSessionDuration:
        input.MaxSessionDuration === undefined
          ? DEFAULT_MAX_SESSION_DURATION
          : validDuration(input.MaxSessionDuration),
    };
    this.deps.store.transact((tx) => {
      if (getPrincipal(tx, 'role', accountId, name) !== undefined)
        throw entityAlreadyExists(`Role with name ${name} already exists.`);
      putPrincipal(tx, 'role', record);
    });
    return roleOutput(record);
  }

  get(accountId: string, name: unknown): Role {
    return roleOutput(this.record(accountId, name));
  }

  record(accountId: string, name: unknown): RoleRecord {
    return requirePrincipal(this.deps.store, 'role', accountId, validName('roleName', name, 64));
  }

  list(accountId: string, pathPrefix: unknown, marker: unknown, maxItems: unknown): IamPage<Role> {
    const prefix = prefixOf(pathPrefix);
    const roles = sortByName(this.deps.store.list<RoleRecord>(IAM_KIND.role, accountId)).filter((r) =>
      r.path.startsWith(prefix),
    );
    return paginate(roles.map(roleOutput), marker, maxItems);
  }

  private change(accountId: string, name: unknown, change: (role: RoleRecord) => RoleRecord): void {
    const roleName = validName('roleName', name, 64);
    this.deps.store.transact((tx) => {
      putPrincipal(tx, 'role', change(requirePrincipal(tx, 'role', accountId, roleName)));
    });
  }

  updateAssumeRolePolicy(accountId: string, name: unknown, document: unknown): void {
    const trust = validDocument(this.documents, 'policyDocument', document, 'trust');
    this.change(accountId, name, (role) => ({ ...role, assumeRolePolicyDocument: trust }));
  }

  update(accountId: string, name: unknown, description: unknown, maxSessionDuration: unknown): void {
    const text = validDescription(description);
    const duration = maxSessionDuration === undefined ? undefined : validDuration(maxSessionDuration);
    this.change(accountId, name, (role) => ({
      ...role,
      ...(text !== undefined ? { description: text } : {}),
      ...(duration !== undefined ? { maxSessionDuration: duration } : {}),
    }));
  }

  tag(accountId: string, name: unknown, tags: unknown): void {
    const added = validTags(tags);
    this.change(accountId, name, (role) => ({ ...role, tags: mergeTags(role.tags, added) }));
  }

  untag(accountId: string, name: unknown, keys: unknown): void {
    this.change(accountId, name, (role) => ({ ...role, tags: removeTags(role.tags, keys) }));
  }

  delete(accountId: string, name: unknown): void {
    const roleName = validName('roleName', name, 64);
    this.deps.store.transact((tx) => {
      const role = requirePrincipal(tx, 'role', accountId, roleName);
      if (Object.keys(role.inlinePolicies).length > 0)
        throw deleteConflict('Cannot delete entity, must delete policies first.');
      if (role.attachedPolicyArns.length > 0)
        throw deleteConflict('Cannot delete entity, must detach all policies first.');
      tx.delete(IAM_KIND.role, principalKey(accountId, roleName));
    });
  }
}
