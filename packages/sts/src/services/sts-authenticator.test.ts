/** The Authenticator: root keys, IAM user keys (active, inactive, deleted), session keys and tokens. */
import { describe, expect, it } from 'vitest';

import { ACCOUNT, apiErrorOf, document, ROOT, ROOT_KEY, unitSts } from '../test-support/sts.test-support.js';

const trustAccount = document({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'sts:AssumeRole',
});

const session = (t: ReturnType<typeof unitSts>) => {
  const role = t.iamCall('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trustAccount })['Role'] as {
    Arn: string;
  };
  const out = t.call('AssumeRole', { RoleArn: role.Arn, RoleSessionName: 's1', DurationSeconds: 900 }) as {
    Credentials: { AccessKeyId: string; SessionToken: string };
  };
  return { roleArn: role.Arn, ...out.Credentials };
};

describe('sts authenticator', () => {
  it('resolves the root key pairs to the account root', () => {
    const t = unitSts();
    expect(t.sts.authenticator.resolve(ROOT_KEY.accessKeyId, undefined, t.clock.now, 'json')).toEqual({
      secretAccessKey: ROOT_KEY.secretAccessKey,
      identity: ROOT,
    });
    expect(
      t.sts.authenticator.resolve('AKIAUNKNOWNUNKNOWN00', undefined, t.clock.now, 'json'),
    ).toBeUndefined();
  });

  it('resolves an IAM user’s Active key; Inactive and deleted keys resolve to nothing', () => {
    const t = unitSts();
    const alice = t.user('alice');
    const key = t.iamCall('CreateAccessKey', { UserName: 'alice' })['AccessKey'] as {
      AccessKeyId: string;
      SecretAccessKey: string;
    };
    expect(t.sts.authenticator.resolve(key.AccessKeyId, undefined, t.clock.now, 'query')).toEqual({
      secretAccessKey: key.SecretAccessKey,
      identity: alice,
    });
    t.iamCall('UpdateAccessKey', { UserName: 'alice', AccessKeyId: key.AccessKeyId, Status: 'Inactive' });
    expect(t.sts.authenticator.resolve(key.AccessKeyId, undefined, t.clock.now, 'query')).toBeUndefined();
    t.iamCall('UpdateAccessKey', { UserName: 'alice', AccessKeyId: key.AccessKeyId, Status: 'Active' });
    expect(t.sts.authenticator.resolve(key.AccessKeyId, undefined, t.clock.now, 'query')).toBeDefined();
    t.iamCall('DeleteAccessKey', { UserName: 'alice', AccessKeyId: key.AccessKeyId });
    expect(t.sts.authenticator.resolve(key.AccessKeyId, undefined, t.clock.now, 'query')).toBeUndefined();
  });

  it('resolves an ASIA key with its token until it expires', () => {
    const t = unitSts();
    const s = session(t);
    const resolve = (nowMs: number, protocol: 'json' | 'query') =>
      apiErrorOf(() => t.sts.authenticator.resolve(s.AccessKeyId, s.SessionToken, nowMs, protocol));
    expect(resolve(t.clock.now + 899_000, 'json')).toBe('none');
    expect(resolve(t.clock.now + 900_000, 'json')).toBe(
      'ExpiredTokenException: The security token included in the request is expired (400)',
    );
    expect(resolve(t.clock.now + 900_000, 'query')).toBe(
      'ExpiredToken: The security token included in the request is expired (403)',
    );
    expect(t.sts.authenticator.resolve(s.AccessKeyId, undefined, t.clock.now, 'json')).toBeUndefined();
  });

  it('rejects a tampered token, another key’s token and a deleted role’s session', () => {
    const t = unitSts();
    const s = session(t);
    const bytes = Buffer.from(s.SessionToken, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const tampered = bytes.toString('base64url');
    const resolve = (key: string, token: string, protocol: 'json' | 'query' = 'json') =>
      apiErrorOf(() => t.sts.authenticator.resolve(key, token, t.clock.now, protocol));
    const invalidJson =
      'UnrecognizedClientException: The security token included in the request is invalid. (400)';
    expect(resolve(s.AccessKeyId, tampered)).toBe(invalidJson);
    expect(resolve(s.AccessKeyId, 'garbage')).toBe(invalidJson);
    expect(resolve(s.AccessKeyId, tampered, 'query')).toBe(
      'InvalidClientTokenId: The security token included in the request is invalid. (403)',
    );
    expect(resolve('ASIA0000000000000999', s.SessionToken)).toBe(invalidJson);
    t.iamCall('DeleteRole', { RoleName: 'r' });
    expect(resolve(s.AccessKeyId, s.SessionToken)).toBe(invalidJson);
  });

  it('a token sealed over one store does not open over another', () => {
    const a = unitSts();
    const b = unitSts();
    const s = session(a);
    session(b);
    expect(
      apiErrorOf(() => b.sts.authenticator.resolve(s.AccessKeyId, s.SessionToken, b.clock.now, 'json')),
    ).toMatch(/^UnrecognizedClientException: /);
  });
});
