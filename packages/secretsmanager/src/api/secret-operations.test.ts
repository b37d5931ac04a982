/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { SECRETSMANAGER_OPERATIONS } from '@berth/wire/secretsmanager';

import { contextFor, CTX, DAY_MS, unitSecrets } from '../test-support/secrets-manager.test-support.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-Ab0001';
const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = 'b'.repeat(32);
const NOT_FOUND = "ResourceNotFoundException: Secrets Manager can't find the specified secret.";
const MARKED =
  "InvalidRequestException: You can't perform this operation on the secret because it was marked for deletion.";

describe('the Secrets Manager API', () => {
  it('serves every operation of the model; the features Berth lacks say so', async () => {
    const t = unitSecrets();
    expect([...t.module.api.operations.keys()].sort()).toEqual([...SECRETSMANAGER_OPERATIONS].sort());
    expect(await t.errorOf('RotateSecret', { SecretId: 'x' })).toBe(
      'InvalidRequestException: Berth does not support secret rotation (it runs no rotation functions).',
    );
    expect(await t.errorOf('PutResourcePolicy', {})).toMatch(
      /^InvalidRequestException: Berth does not support/,
    );
  });
});

describe('creating and reading secrets', () => {
  it('creates a secret with a random ARN suffix and reads it by name, full ARN and partial ARN', async () => {
    const t = unitSecrets();
    const created = await t.call('CreateSecret', {
      Name: 'prod/db',
      SecretString: '{"password":"hunter2"}',
      Description: 'the db',
      KmsKeyId: 'alias/mine',
      ClientRequestToken: TOKEN_A,
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    expect(created).toEqual({ ARN, Name: 'prod/db', VersionId: TOKEN_A });
    for (const id of ['prod/db', ARN, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db']) {
      expect(await t.call('GetSecretValue', { SecretId: id })).toEqual({
        ARN,
        Name: 'prod/db',
        VersionId: TOKEN_A,
        SecretString: '{"password":"hunter2"}',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: t.clock.now / 1000,
      });
    }
    expect(await t.call('DescribeSecret', { SecretId: 'prod/db' })).toEqual({
      ARN,
      Name: 'prod/db',
      Description: 'the db',
      KmsKeyId: 'alias/mine',
      RotationEnabled: false,
      LastChangedDate: t.clock.now / 1000,
      Tags: [{ Key: 'team', Value: 'core' }],
      CreatedDate: t.clock.now / 1000,
      VersionIdsToStages: { [TOKEN_A]: ['AWSCURRENT'] },
    });
  });

  it('answers a repeated CreateSecret with the same token and value as the first, and refuses another value', async () => {
    const t = unitSecrets();
    const request = { Name: 's', SecretString: 'v', ClientRequestToken: TOKEN_A };
    const first = await t.call('CreateSecret', request);
    const revision = t.store.revision;
    expect(await t.call('CreateSecret', request)).toEqual(first);
    expect(t.store.revision).toBe(revision);
    expect(await t.errorOf('CreateSecret', { ...request, SecretString: 'other' })).toBe(
      'ResourceExistsException: The operation failed because the secret s already exists.',
    );
  });

  it('keeps binary secrets as bytes', async () => {
    const t = unitSecrets();
    const bytes = Buffer.from([0, 1, 2, 250, 255]).toString('base64');
    await t.call('CreateSecret', { Name: 'bin', SecretBinary: bytes });
    const value = await t.call('GetSecretValue', { SecretId: 'bin' });
    expect(value.SecretBinary).toBe(bytes);
    expect(value.SecretString).toBeUndefined();
  });

  it('answers Secrets Manager’s errors', async () => {
    const t = unitSecrets();
    expect(await t.errorOf('GetSecretValue', { SecretId: 'nope' })).toBe(NOT_FOUND);
    expect(await t.errorOf('DescribeSecret', { SecretId: `${ARN}x` })).toBe(NOT_FOUND);
    await t.call('CreateSecret', { Name: 'prod/db', SecretString: 'v' });
    expect(await t.errorOf('CreateSecret', { Name: 'prod/db', SecretString: 'v' })).toBe(
      'ResourceExistsException: The operation failed because the secret prod/db already exists.',
    );
    expect(await t.errorOf('CreateSecret', { Name: 'bad name' })).toMatch(
      /^InvalidParameterException: Invalid name/,
    );
    expect(await t.errorOf('CreateSecret', { Name: 'x', SecretString: 'a', SecretBinary: 'YQ==' })).toMatch(
      /^InvalidParameterException: You can't specify both/,
    );
    expect(
      await t.errorOf('CreateSecret', { Name: 'x', ClientRequestToken: 'short', SecretString: 'a' }),
    ).toMatch(/^ValidationException: 1 validation error detected: .*clientRequestToken/);
    await t.call('CreateSecret', { Name: 'empty' });
    expect(await t.errorOf('GetSecretValue', { SecretId: 'empty' })).toBe(
      "ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
    );
    expect(await t.errorOf('GetSecretValue', { SecretId: 'prod/db', VersionId: TOKEN_B })).toMatch(
      /^ResourceNotFoundException: Secrets Manager can't find the specified secret value for VersionId/,
    );
  });

  it('keeps secrets per account and Region', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 'shared', SecretString: 'east' });
    const west = contextFor({ accountId: '123456789012', region: 'us-west-2' });
    expect(await t.errorOf('GetSecretValue', { SecretId: 'shared' }, west)).toBe(NOT_FOUND);
    const created = await t.call('CreateSecret', { Name: 'shared', SecretString: 'west' }, west);
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-west-2:123456789012:secret:shared-/);
    expect((await t.call('GetSecretValue', { SecretId: 'shared' }, west)).SecretString).toBe('west');
    expect((await t.call('GetSecretValue', { SecretId: 'shared' }, CTX)).SecretString).toBe('east');
    expect(await t.errorOf('GetSecretValue', { SecretId: created.ARN }, CTX)).toBe(NOT_FOUND);
  });
});

describe('versions and staging labels', () => {
  it('PutSecretValue makes the new version AWSCURRENT and the old one AWSPREVIOUS', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'one', ClientRequestToken: TOKEN_A });
    t.clock.now += 1000;
    expect(
      await t.call('PutSecretValue', { SecretId: 's', SecretString: 'two', ClientRequestToken: TOKEN_B }),
    ).toEqual({
      ARN: expect.stringContaining(':secret:s-') as string,
      Name: 's',
      VersionId: TOKEN_B,
      VersionStages: ['AWSCURRENT'],
    });
    expect((await t.call('GetSecretValue', { SecretId: 's' })).SecretString).toBe('two');
    const previous = await t.call('GetSecretValue', { SecretId: 's', VersionStage: 'AWSPREVIOUS' });
    expect(previous).toMatchObject({
      SecretString: 'one',
      VersionId: TOKEN_A,
      VersionStages: ['AWSPREVIOUS'],
    });
    expect((await t.call('GetSecretValue', { SecretId: 's', VersionId: TOKEN_A })).SecretString).toBe('one');
    expect(
      await t.errorOf('GetSecretValue', { SecretId: 's', VersionId: TOKEN_A, VersionStage: 'AWSCURRENT' }),
    ).toBe(
      'InvalidRequestException: You provided a VersionStage that is not associated to the provided VersionId.',
    );
    // A third version leaves the first deprecated.
    await t.call('PutSecretValue', { SecretId: 's', SecretString: 'three' });
    const { VersionIdsToStages } = await t.call('DescribeSecret', { SecretId: 's' });
    expect(Object.values(VersionIdsToStages)).toEqual([['AWSPREVIOUS'], ['AWSCURRENT']]);
    expect((await t.call('ListSecretVersionIds', { SecretId: 's' })).Versions).toHaveLength(2);
    const all = await t.call('ListSecretVersionIds', { SecretId: 's', IncludeDeprecated: true });
    expect(all.Versions.map((v: { VersionId: string }) => v.VersionId).at(-1)).toBe(TOKEN_A);
    expect(all.Versions.at(-1).VersionStages).toBeUndefined();
  });

  it('is idempotent on ClientRequestToken with the same value, and refuses another value', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'one' });
    const put = { SecretId: 's', SecretString: 'two', ClientRequestToken: TOKEN_B };
    const first = await t.call('PutSecretValue', put);
    const revision = t.store.revision;
    expect(await t.call('PutSecretValue', put)).toEqual(first);
    expect(t.store.revision).toBe(revision);
    expect(await t.errorOf('PutSecretValue', { ...put, SecretString: 'other' })).toBe(
      "ResourceExistsException: You can't modify an existing version, you can only create a new version.",
    );
    expect(await t.errorOf('PutSecretValue', { SecretId: 's' })).toBe(
      'InvalidParameterException: You must provide either SecretString or SecretBinary.',
    );
  });

  it('PutSecretValue with custom stages leaves AWSCURRENT where it was', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'one', ClientRequestToken: TOKEN_A });
    await t.call('PutSecretValue', {
      SecretId: 's',
      SecretString: 'pending',
      ClientRequestToken: TOKEN_B,
      VersionStages: ['AWSPENDING'],
    });
    expect((await t.call('GetSecretValue', { SecretId: 's' })).SecretString).toBe('one');
    expect((await t.call('GetSecretValue', { SecretId: 's', VersionStage: 'AWSPENDING' })).SecretString).toBe(
      'pending',
    );
    // Promote it: AWSCURRENT moves, the old current becomes AWSPREVIOUS.
    expect(
      await t.errorOf('UpdateSecretVersionStage', {
        SecretId: 's',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: TOKEN_B,
      }),
    ).toMatch(/^InvalidParameterException: The parameter RemoveFromVersionId can't be empty/);
    await t.call('UpdateSecretVersionStage', {
      SecretId: 's',
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: TOKEN_B,
      RemoveFromVersionId: TOKEN_A,
    });
    const { VersionIdsToStages } = await t.call('DescribeSecret', { SecretId: 's' });
    expect(VersionIdsToStages).toEqual({
      [TOKEN_A]: ['AWSPREVIOUS'],
      [TOKEN_B]: ['AWSPENDING', 'AWSCURRENT'],
    });
    await t.call('UpdateSecretVersionStage', {
      SecretId: 's',
      VersionStage: 'AWSPENDING',
      RemoveFromVersionId: TOKEN_B,
    });
    expect((await t.call('DescribeSecret', { SecretId: 's' })).VersionIdsToStages[TOKEN_B]).toEqual([
      'AWSCURRENT',
    ]);
  });

  it('UpdateSecret changes the description and, with a value, adds a current version', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'one' });
    t.clock.now += 5000;
    expect(await t.call('UpdateSecret', { SecretId: 's', Description: 'new' })).not.toHaveProperty(
      'VersionId',
    );
    const updated = await t.call('UpdateSecret', {
      SecretId: 's',
      SecretString: 'two',
      ClientRequestToken: TOKEN_B,
    });
    expect(updated.VersionId).toBe(TOKEN_B);
    const described = await t.call('DescribeSecret', { SecretId: 's' });
    expect(described.Description).toBe('new');
    expect(described.LastChangedDate).toBe(t.clock.now / 1000);
    expect((await t.call('GetSecretValue', { SecretId: 's' })).SecretString).toBe('two');
  });
});

describe('deleting secrets', () => {
  it('marks a secret for deletion with a recovery window, refuses its value, and restores it', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'v' });
    const deleted = await t.call('DeleteSecret', { SecretId: 's', RecoveryWindowInDays: 7 });
    expect(deleted.DeletionDate).toBe(t.clock.now / 1000 + 7 * 86_400);
    expect(await t.errorOf('GetSecretValue', { SecretId: 's' })).toBe(MARKED);
    expect(await t.errorOf('PutSecretValue', { SecretId: 's', SecretString: 'x' })).toBe(MARKED);
    expect(await t.errorOf('DeleteSecret', { SecretId: 's' })).toBe(MARKED);
    expect(await t.errorOf('UpdateSecret', { SecretId: 's', Description: 'd' })).toBe(MARKED);
    expect(await t.errorOf('TagResource', { SecretId: 's', Tags: [{ Key: 'k', Value: 'v' }] })).toBe(MARKED);
    expect((await t.call('DescribeSecret', { SecretId: 's' })).DeletedDate).toBe(t.clock.now / 1000);
    expect(await t.errorOf('CreateSecret', { Name: 's' })).toMatch(/already scheduled for deletion/);
    expect((await t.call('ListSecrets', {})).SecretList).toEqual([]);
    expect((await t.call('ListSecrets', { IncludePlannedDeletion: true })).SecretList).toHaveLength(1);
    await t.call('RestoreSecret', { SecretId: 's' });
    expect((await t.call('GetSecretValue', { SecretId: 's' })).SecretString).toBe('v');
    expect(await t.call('DescribeSecret', { SecretId: 's' })).not.toHaveProperty('DeletedDate');
  });

  it('treats a secret past its deletion date as gone, and purges it lazily', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'v' });
    await t.call('DeleteSecret', { SecretId: 's' });
    t.clock.now += 30 * DAY_MS - 1000;
    expect(await t.errorOf('GetSecretValue', { SecretId: 's' })).toBe(MARKED);
    t.clock.now += 1000;
    expect(await t.errorOf('DescribeSecret', { SecretId: 's' })).toBe(NOT_FOUND);
    expect(await t.errorOf('RestoreSecret', { SecretId: 's' })).toBe(NOT_FOUND);
    expect((await t.call('ListSecrets', { IncludePlannedDeletion: true })).SecretList).toEqual([]);
    expect(t.store.count('secretsmanager-secret')).toBe(1);
    expect(t.module.purgeExpired(CTX.partition)).toBe(1);
    expect(t.store.count('secretsmanager-secret')).toBe(0);
    // A new secret may take the name (the expired record is replaced on create, too).
    await t.call('CreateSecret', { Name: 's', SecretString: 'again' });
    expect((await t.call('GetSecretValue', { SecretId: 's' })).SecretString).toBe('again');
  });

  it('deletes at once with ForceDeleteWithoutRecovery and checks the window', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'v' });
    expect(await t.errorOf('DeleteSecret', { SecretId: 's', RecoveryWindowInDays: 6 })).toBe(
      'InvalidParameterException: The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    );
    expect(
      await t.errorOf('DeleteSecret', {
        SecretId: 's',
        RecoveryWindowInDays: 7,
        ForceDeleteWithoutRecovery: true,
      }),
    ).toMatch(/^InvalidParameterException: You can't use ForceDeleteWithoutRecovery/);
    await t.call('DeleteSecret', { SecretId: 's', ForceDeleteWithoutRecovery: true });
    expect(await t.errorOf('DescribeSecret', { SecretId: 's' })).toBe(NOT_FOUND);
    await t.call('CreateSecret', { Name: 's', SecretString: 'new' });
  });
});
