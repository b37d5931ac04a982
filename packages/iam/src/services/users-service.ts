/** IAM users: create, get (the caller without a name), list, delete, tags. */
import type { CallerIdentity } from '@berth/gateway';
import type { User } from '@berth/wire/iam';

import { IAM_KIND, principalKey, type UserRecord } from '../records/iam-records.js';

import { type IamDeps, nowSeconds } from './iam-deps.js';
import { deleteConflict, entityAlreadyExists, validationError } from './iam-errors.js';
import { type IamPage, paginate } from './iam-pagination.js';
import { mergeTags, removeTags, tagsOutput, validTags } from './iam-tags.js';
import { prefixOf, validName, validPath } from './iam-validation.js';
import { getPrincipal, putPrincipal, requirePrincipal, sortByName } from './principals.js';

export const userOutput = (user: UserRecord): User => ({
  Path: user.path,
  UserName: user.name,
  UserId: user.id,
  Arn: user.arn,
  CreateDate: user.createDate,
  ...tagsOutput(user.tags),
});

export interface CreateUserInput {
  readonly UserName?: unknown;
  readonly Path?: unknown;
  readonly Tags?: unknown;
  readonly PermissionsBoundary?: unknown;
}

export class UsersService {
  constructor(private readonly deps: IamDeps) {}

  create(accountId: string, input: CreateUserInput): User {
    const name = validName('userName', input.UserName, 64);
    const path = validPath(input.Path);
    const tags = validTags(input.Tags);
    if (input.PermissionsBoundary !== undefined)
      throw validationError('Berth does not support permissions boundaries.');
    const record: UserRecord = {
      accountId,
      name,
      path,
      id: this.deps.ids.uniqueId('AIDA'),
      arn: `arn:aws:iam::${accountId}:user${path}${name}`,
      createDate: nowSeconds(this.deps),
      inlinePolicies: {},
      attachedPolicyArns: [],
      tags,
    };
    this.deps.store.transact((tx) => {
      if (getPrincipal(tx, 'user', accountId, name) !== undefined)
        throw entityAlreadyExists(`User with name ${name} already exists.`);
      putPrincipal(tx, 'user', record);
    });
    return userOutput(record);
  }

  /** The named user, or the caller when no name is given (root answers as the account). */
  get(accountId: string, name: unknown, caller: CallerIdentity): User {
    if (name === undefined) {
      if (caller.kind === 'user' && caller.name !== undefined)
        return userOutput(requirePrincipal(this.deps.store, 'user', accountId, caller.name));
      if (caller.kind === 'root')
        return { Path: '/', UserName: '', UserId: accountId, Arn: caller.arn, CreateDate: 0 };
      throw validationError('Must specify userName when calling with non-User credentials');
    }
    return userOutput(requirePrincipal(this.deps.store, 'user', accountId, validName('userName', name, 64)));
  }

  list(accountId: string, pathPrefix: unknown, marker: unknown, maxItems: unknown): IamPage<User> {
    const prefix = prefixOf(pathPrefix);
    const users = sortByName(this.deps.store.list<UserRecord>(IAM_KIND.user, accountId)).filter((u) =>
      u.path.startsWith(prefix),
    );
    return paginate(users.map(userOutput), marker, maxItems);
  }

  delete(accountId: string, name: unknown): void {
    const userName = validName('userName', name, 64);
    this.deps.store.transact((tx) => {
      const user = requirePrincipal(tx, 'user', accountId, userName);
      if (tx.count(IAM_KIND.accessKey, principalKey(accountId, userName)) > 0)
        throw deleteConflict('Cannot delete entity, must delete access keys first.');
      if (Object.keys(user.inlinePolicies).length > 0)
        throw deleteConflict('Cannot delete entity, must delete policies first.');
      if (user.attachedPolicyArns.length > 0)
        throw deleteConflict('Cannot delete entity, must detach all policies first.');
      tx.delete(IAM_KIND.user, principalKey(accountId, userName));
    });
  }

  tag(accountId: string, name: unknown, tags: unknown): void {
    const userName = validName('userName', name, 64);
    const added = validTags(tags);
    this.deps.store.transact((tx) => {
      const user = requirePrincipal(tx, 'user', accountId, userName);
      putPrincipal(tx, 'user', { ...user, tags: mergeTags(user.tags, added) });
    });
  }

  untag(accountId: string, name: unknown, keys: unknown): void {
    const userName = validName('userName', name, 64);
    this.deps.store.transact((tx) => {
      const user = requirePrincipal(tx, 'user', accountId, userName);
      putPrincipal(tx, 'user', { ...user, tags: removeTags(user.tags, keys) });
    });
  }

  tags(accountId: string, name: unknown): UserRecord['tags'] {
    return requirePrincipal(this.deps.store, 'user', accountId, validName('userName', name, 64)).tags;
  }
}
