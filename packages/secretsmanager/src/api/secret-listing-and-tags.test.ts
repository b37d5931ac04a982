/* eslint-disable @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { PARTITION, unitSecrets } from '../test-support/secrets-manager.test-support.js';

const names = (reply: Record<string, unknown>): string[] =>
  (reply['SecretList'] as { Name: string }[]).map((s) => s.Name);

describe('ListSecrets', () => {
  const seeded = async (): Promise<ReturnType<typeof unitSecrets>> => {
    const t = unitSecrets();
    for (const [Name, Description, team] of [
      ['prod/db', 'Main Database password', 'core'],
      ['prod/api-key', 'third party key', 'web'],
      ['dev/db', 'scratch database', 'core'],
    ] as const) {
      await t.call('CreateSecret', {
        Name,
        Description,
        SecretString: 'x',
        Tags: [{ Key: 'team', Value: team }],
      });
      t.clock.now += 1000;
    }
    return t;
  };

  it('lists by creation date, pages, and filters by name, description, tags and all', async () => {
    const t = await seeded();
    expect(names(await t.call('ListSecrets', {}))).toEqual(['prod/db', 'prod/api-key', 'dev/db']);
    expect(names(await t.call('ListSecrets', { SortBy: 'name' }))).toEqual([
      'dev/db',
      'prod/api-key',
      'prod/db',
    ]);
    expect(names(await t.call('ListSecrets', { SortOrder: 'desc' }))).toEqual([
      'dev/db',
      'prod/api-key',
      'prod/db',
    ]);
    const first = await t.call('ListSecrets', { MaxResults: 2 });
    expect(names(first)).toEqual(['prod/db', 'prod/api-key']);
    expect(names(await t.call('ListSecrets', { MaxResults: 2, NextToken: first.NextToken }))).toEqual([
      'dev/db',
    ]);
    const only = async (Key: string, Values: string[]): Promise<string[]> =>
      names(await t.call('ListSecrets', { Filters: [{ Key, Values }], SortBy: 'name' }));
    expect(await only('name', ['prod/'])).toEqual(['prod/api-key', 'prod/db']);
    expect(await only('name', ['!prod'])).toEqual(['dev/db']);
    expect(await only('description', ['database'])).toEqual(['dev/db', 'prod/db']);
    expect(await only('description', ['data'])).toEqual(['dev/db', 'prod/db']);
    expect(await only('tag-key', ['team'])).toHaveLength(3);
    expect(await only('tag-value', ['web'])).toEqual(['prod/api-key']);
    expect(await only('all', ['core'])).toEqual(['dev/db', 'prod/db']);
    expect(
      names(
        await t.call('ListSecrets', {
          Filters: [
            { Key: 'tag-value', Values: ['core'] },
            { Key: 'name', Values: ['prod'] },
          ],
        }),
      ),
    ).toEqual(['prod/db']);
    const entry = (await t.call('ListSecrets', { Filters: [{ Key: 'name', Values: ['dev/db'] }] }))
      .SecretList[0];
    expect(entry).toMatchObject({ Name: 'dev/db', Tags: [{ Key: 'team', Value: 'core' }] });
    expect(Object.values(entry.SecretVersionsToStages)).toEqual([['AWSCURRENT']]);
    expect(await t.errorOf('ListSecrets', { NextToken: 'garbage' })).toBe(
      'InvalidNextTokenException: The NextToken value is invalid.',
    );
    expect(await t.errorOf('ListSecrets', { MaxResults: 101 })).toMatch(/^ValidationException: /);
  });
});

describe('tags', () => {
  it('adds, replaces and removes tags', async () => {
    const t = unitSecrets();
    await t.call('CreateSecret', { Name: 's', SecretString: 'v', Tags: [{ Key: 'a', Value: '1' }] });
    await t.call('TagResource', {
      SecretId: 's',
      Tags: [
        { Key: 'a', Value: '2' },
        { Key: 'b', Value: '3' },
      ],
    });
    expect((await t.call('DescribeSecret', { SecretId: 's' })).Tags).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'b', Value: '3' },
    ]);
    await t.call('UntagResource', { SecretId: 's', TagKeys: ['a', 'absent'] });
    expect((await t.call('DescribeSecret', { SecretId: 's' })).Tags).toEqual([{ Key: 'b', Value: '3' }]);
    expect(await t.errorOf('TagResource', { SecretId: 's', Tags: [{ Key: 'aws:x', Value: '' }] })).toMatch(
      /^InvalidParameterException: /,
    );
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(await t.errorOf('TagResource', { SecretId: 's', Tags: many })).toMatch(/exceeds the limit of 50/);
  });
});

describe('GetRandomPassword', () => {
  it('makes 32 characters of every type by default, and honours the exclusions', async () => {
    const t = unitSecrets();
    const { RandomPassword } = await t.call('GetRandomPassword', {});
    expect(RandomPassword).toHaveLength(32);
    for (const type of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(RandomPassword).toMatch(type);
    const digits = await t.call('GetRandomPassword', {
      PasswordLength: 64,
      ExcludeUppercase: true,
      ExcludeLowercase: true,
      ExcludePunctuation: true,
      ExcludeCharacters: '01',
    });
    expect(digits.RandomPassword).toMatch(/^[2-9]{64}$/);
    expect(await t.errorOf('GetRandomPassword', { PasswordLength: 0 })).toMatch(/^ValidationException: /);
    expect(
      await t.errorOf('GetRandomPassword', {
        ExcludeUppercase: true,
        ExcludeLowercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
      }),
    ).toMatch(/^InvalidParameterException: /);
  });
});

describe('authorization', () => {
  it('names the secret’s full ARN, the suffix-less ARN before it exists, and * for ListSecrets', async () => {
    const t = unitSecrets();
    const authorize = t.module.api.authorization;
    if (!authorize) throw new Error('no authorization');
    const partial = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db';
    expect(
      authorize('CreateSecret', { Name: 'prod/db', Tags: [{ Key: 'team', Value: 'core' }] }, PARTITION),
    ).toEqual({
      resources: [partial],
      context: { 'secretsmanager:Name': 'prod/db', 'aws:RequestTag/team': 'core', 'aws:TagKeys': ['team'] },
    });
    expect(authorize('GetSecretValue', { SecretId: 'prod/db' }, PARTITION).resources).toEqual([partial]);
    const { ARN } = await t.call('CreateSecret', {
      Name: 'prod/db',
      SecretString: 'v',
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    for (const id of ['prod/db', partial, ARN]) {
      const auth = authorize('GetSecretValue', { SecretId: id, VersionStage: 'AWSCURRENT' }, PARTITION);
      expect(auth.resources).toEqual([ARN]);
      expect(auth.context).toMatchObject({
        'secretsmanager:SecretId': ARN,
        'secretsmanager:ResourceTag/team': 'core',
        'secretsmanager:VersionStage': 'AWSCURRENT',
      });
    }
    expect(authorize('ListSecrets', {}, PARTITION)).toEqual({ resources: ['*'] });
    expect(authorize('GetRandomPassword', {}, PARTITION)).toEqual({ resources: ['*'] });
  });
});
