/**
 * IAM users' access keys: at most two per user, the secret returned once by CreateAccessKey and
 * kept for the authenticator (SigV4 needs it), Active/Inactive, and the lookup the authenticator
 * makes per request (one `get` by key id).
 */
import type { ApiError } from '@berth/core';
import type { CallerIdentity, KeyResolution } from '@berth/gateway';
import type { StoreReader } from '@berth/store';
import type { AccessKey, AccessKeyMetadata, GetAccessKeyLastUsedResponse } from '@berth/wire/iam';

import { type AccessKeyRecord, IAM_KIND, principalKey } from '../records/iam-records.js';

import { type IamDeps, nowSeconds } from './iam-deps.js';
import { constraintError, limitExceeded, noSuchEntity, validationError } from './iam-errors.js';
import { type IamPage, paginate } from './iam-pagination.js';
import { textOf, validName } from './iam-validation.js';
import { requirePrincipal } from './principals.js';

const MAX_KEYS_PER_USER = 2;

const metadata = (key: AccessKeyRecord): AccessKeyMetadata => ({
  UserName: key.userName,
  AccessKeyId: key.accessKeyId,
  Status: key.status,
  CreateDate: key.createDate,
});

const noSuchKey = (id: string): ApiError => noSuchEntity(`The Access Key with id ${id} cannot be found.`);

export class AccessKeysService {
  constructor(private readonly deps: IamDeps) {}

  /** The user a call acts on: UserName, else the calling user. */
  private userNameOf(name: unknown, caller: CallerIdentity): string {
    if (name !== undefined) return validName('userName', name, 64);
    if (caller.kind === 'user' && caller.name !== undefined) return caller.name;
    throw validationError('Must specify userName when calling with non-User credentials');
  }

  create(accountId: string, name: unknown, caller: CallerIdentity): AccessKey {
    const userName = this.userNameOf(name, caller);
    return this.deps.store.transact((tx) => {
      const user = requirePrincipal(tx, 'user', accountId, userName);
      if (tx.count(IAM_KIND.accessKey, principalKey(accountId, user.name)) >= MAX_KEYS_PER_USER)
        throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_KEYS_PER_USER}`);
      const record: AccessKeyRecord = {
        accountId,
        accessKeyId: this.deps.ids.uniqueId('AKIA'),
        secretAccessKey: this.deps.ids.secretKey(),
        userName: user.name,
        userId: user.id,
        userArn: user.arn,
        status: 'Active',
        createDate: nowSeconds(this.deps),
      };
      tx.put(IAM_KIND.accessKey, record.accessKeyId, principalKey(accountId, user.name), record);
      return {
        UserName: record.userName,
        AccessKeyId: record.accessKeyId,
        Status: record.status,
        SecretAccessKey: record.secretAccessKey,
        CreateDate: record.createDate,
      };
    });
  }

  list(
    accountId: string,
    name: unknown,
    caller: CallerIdentity,
    marker: unknown,
    maxItems: unknown,
  ): IamPage<AccessKeyMetadata> {
    const user = requirePrincipal(this.deps.store, 'user', accountId, this.userNameOf(name, caller));
    const keys = this.deps.store
      .list<AccessKeyRecord>(IAM_KIND.accessKey, principalKey(accountId, user.name))
      .sort((a, b) => a.createDate - b.createDate || (a.accessKeyId < b.accessKeyId ? -1 : 1));
    return paginate(keys.map(metadata), marker, maxItems);
  }

  private requireKey(
    accountId: string,
    userName: string,
    accessKeyId: unknown,
    tx: StoreReader = this.deps.store,
  ): AccessKeyRecord {
    const id = textOf(accessKeyId);
    if (!/^[\w]{16,128}$/.test(id))
      throw constraintError(
        'accessKeyId',
        accessKeyId,
        'Member must satisfy regular expression pattern: [\\w]+',
      );
    const key = tx.get<AccessKeyRecord>(IAM_KIND.accessKey, id);
    if (
      key === undefined ||
      key.accountId !== accountId ||
      key.userName.toLowerCase() !== userName.toLowerCase()
    )
      throw noSuchKey(id);
    return key;
  }

  update(
    accountId: string,
    name: unknown,
    caller: CallerIdentity,
    accessKeyId: unknown,
    status: unknown,
  ): void {
    if (status !== 'Active' && status !== 'Inactive')
      throw constraintError('status', status, 'Member must satisfy enum value set: [Active, Inactive]');
    const userName = this.userNameOf(name, caller);
    this.deps.store.transact((tx) => {
      requirePrincipal(tx, 'user', accountId, userName);
      const key = this.requireKey(accountId, userName, accessKeyId, tx);
      tx.put(IAM_KIND.accessKey, key.accessKeyId, principalKey(accountId, key.userName), { ...key, status });
    });
  }

  delete(accountId: string, name: unknown, caller: CallerIdentity, accessKeyId: unknown): void {
    const userName = this.userNameOf(name, caller);
    this.deps.store.transact((tx) => {
      requirePrincipal(tx, 'user', accountId, userName);
      const key = this.requireKey(accountId, userName, accessKeyId, tx);
      tx.delete(IAM_KIND.accessKey, key.accessKeyId);
    });
  }

  /** Berth records no last use (that would be a write per request): IAM's "N/A" answer. */
  lastUsed(accountId: string, accessKeyId: unknown): GetAccessKeyLastUsedResponse {
    const key = this.deps.store.get<AccessKeyRecord>(IAM_KIND.accessKey, textOf(accessKeyId));
    if (key === undefined || key.accountId !== accountId) throw noSuchKey(textOf(accessKeyId));
    return { UserName: key.userName, AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } };
  }

  /** The secret and identity of an Active user access key, else undefined. */
  resolve(accessKeyId: string): KeyResolution | undefined {
    const key = this.deps.store.get<AccessKeyRecord>(IAM_KIND.accessKey, accessKeyId);
    if (key === undefined || key.status !== 'Active') return undefined;
    return {
      secretAccessKey: key.secretAccessKey,
      identity: {
        accountId: key.accountId,
        arn: key.userArn,
        userId: key.userId,
        kind: 'user',
        name: key.userName,
      },
    };
  }
}
