/** Users and access keys through the IAM ApiService. */
import { describe, expect, it } from 'vitest';

import { ACCOUNT, contextFor, statusOf, unitIam } from '../test-support/iam.test-support.js';

type UserOut = { User: Record<string, unknown> };

describe('users', () => {
  it('creates, gets, lists and deletes users with IAM ARNs and ids', () => {
    const t = unitIam();
    const created = t.call('CreateUser', { UserName: 'alice', Path: '/ops/' }) as UserOut;
    expect(created.User).toEqual({
      Path: '/ops/',
      UserName: 'alice',
      UserId: 'AIDA00000000000000001',
      Arn: `arn:aws:iam::${ACCOUNT}:user/ops/alice`,
      CreateDate: 1_700_000_000,
    });
    expect((created.User['UserId'] as string).length).toBe(21);
    expect((t.call('GetUser', { UserName: 'alice' }) as UserOut).User).toEqual(created.User);
    t.call('CreateUser', { UserName: 'bob' });
    expect(t.call('ListUsers', {})).toMatchObject({
      Users: [{ UserName: 'alice' }, { UserName: 'bob' }],
      IsTruncated: false,
    });
    expect(t.call('ListUsers', { PathPrefix: '/ops/' })).toMatchObject({ Users: [{ UserName: 'alice' }] });
    const page = t.call('ListUsers', { MaxItems: 1 });
    expect(page).toMatchObject({ Users: [{ UserName: 'alice' }], IsTruncated: true });
    expect(t.call('ListUsers', { MaxItems: 1, Marker: page['Marker'] })).toMatchObject({
      Users: [{ UserName: 'bob' }],
      IsTruncated: false,
    });
    expect(t.call('DeleteUser', { UserName: 'bob' })).toEqual({});
    expect(t.errorOf('GetUser', { UserName: 'bob' })).toBe(
      'NoSuchEntity: The user with name bob cannot be found.',
    );
    expect(statusOf(() => t.call('GetUser', { UserName: 'bob' }))).toBe(404);
  });

  it('answers IAM errors for duplicates (case-insensitively) and bad names', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice' });
    expect(t.errorOf('CreateUser', { UserName: 'ALICE' })).toBe(
      'EntityAlreadyExists: User with name ALICE already exists.',
    );
    expect(statusOf(() => t.call('CreateUser', { UserName: 'alice' }))).toBe(409);
    expect(t.errorOf('CreateUser', { UserName: 'a b' })).toMatch(
      /^ValidationError: 1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint/,
    );
    expect(t.errorOf('CreateUser', { UserName: 'x', Path: 'nopath' })).toMatch(
      /^ValidationError: .* at 'path'/,
    );
  });

  it('GetUser without a name answers the calling user', () => {
    const t = unitIam();
    const user = (t.call('CreateUser', { UserName: 'alice' }) as UserOut).User;
    const asAlice = contextFor({
      accountId: ACCOUNT,
      arn: user['Arn'] as string,
      userId: user['UserId'] as string,
      kind: 'user',
      name: 'alice',
    });
    expect((t.call('GetUser', {}, asAlice) as UserOut).User['UserName']).toBe('alice');
    expect((t.call('GetUser', {}) as UserOut).User['Arn']).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('tags users', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice', Tags: [{ Key: 'team', Value: 'a' }] });
    t.call('TagUser', {
      UserName: 'alice',
      Tags: [
        { Key: 'team', Value: 'b' },
        { Key: 'env', Value: 'dev' },
      ],
    });
    expect(t.call('ListUserTags', { UserName: 'alice' })['Tags']).toEqual([
      { Key: 'team', Value: 'b' },
      { Key: 'env', Value: 'dev' },
    ]);
    t.call('UntagUser', { UserName: 'alice', TagKeys: ['team'] });
    expect(t.call('ListUserTags', { UserName: 'alice' })['Tags']).toEqual([{ Key: 'env', Value: 'dev' }]);
  });
});

describe('access keys', () => {
  it('creates at most two keys per user, returning the secret once', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice' });
    const key = t.call('CreateAccessKey', { UserName: 'alice' })['AccessKey'] as Record<string, unknown>;
    expect(key).toMatchObject({ UserName: 'alice', Status: 'Active', CreateDate: 1_700_000_000 });
    expect(key['AccessKeyId']).toMatch(/^AKIA[0-9A-Z]{16}$/);
    expect(key['SecretAccessKey']).toHaveLength(40);
    t.call('CreateAccessKey', { UserName: 'alice' });
    expect(t.errorOf('CreateAccessKey', { UserName: 'alice' })).toBe(
      'LimitExceeded: Cannot exceed quota for AccessKeysPerUser: 2',
    );
    const listed = t.call('ListAccessKeys', { UserName: 'alice' });
    expect(listed['AccessKeyMetadata']).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain('secret-');
    expect(t.errorOf('CreateAccessKey', { UserName: 'nobody' })).toBe(
      'NoSuchEntity: The user with name nobody cannot be found.',
    );
  });

  it('updates, reports last use and deletes keys; a user with keys cannot be deleted', () => {
    const t = unitIam();
    t.call('CreateUser', { UserName: 'alice' });
    const id = (t.call('CreateAccessKey', { UserName: 'alice' })['AccessKey'] as { AccessKeyId: string })
      .AccessKeyId;
    expect(t.module.resolveAccessKey(id)?.identity).toMatchObject({ kind: 'user', name: 'alice' });
    t.call('UpdateAccessKey', { UserName: 'alice', AccessKeyId: id, Status: 'Inactive' });
    expect(t.call('ListAccessKeys', { UserName: 'alice' })['AccessKeyMetadata']).toMatchObject([
      { Status: 'Inactive' },
    ]);
    expect(t.module.resolveAccessKey(id)).toBeUndefined();
    expect(t.errorOf('UpdateAccessKey', { UserName: 'alice', AccessKeyId: id, Status: 'Off' })).toMatch(
      /^ValidationError: .*at 'status'/,
    );
    expect(t.call('GetAccessKeyLastUsed', { AccessKeyId: id })).toEqual({
      UserName: 'alice',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' },
    });
    expect(t.errorOf('DeleteUser', { UserName: 'alice' })).toBe(
      'DeleteConflict: Cannot delete entity, must delete access keys first.',
    );
    t.call('DeleteAccessKey', { UserName: 'alice', AccessKeyId: id });
    expect(t.errorOf('DeleteAccessKey', { UserName: 'alice', AccessKeyId: id })).toBe(
      `NoSuchEntity: The Access Key with id ${id} cannot be found.`,
    );
    expect(t.call('DeleteUser', { UserName: 'alice' })).toEqual({});
  });

  it('unsupported operations answer a clear error', () => {
    const t = unitIam();
    expect(t.errorOf('CreateGroup', { GroupName: 'g' })).toMatch(
      /^ValidationError: Berth does not support CreateGroup: groups/,
    );
    expect(t.errorOf('CreateLoginProfile', {})).toMatch(/console passwords/);
  });
});
