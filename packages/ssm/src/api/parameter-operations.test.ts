/* eslint-disable @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { SSM_OPERATIONS } from '@berth/wire/ssm';

import { contextFor, unitSsm } from '../test-support/ssm.test-support.js';

const ARN = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db/url';
const EXISTS =
  'ParameterAlreadyExists: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.';

describe('the SSM API', () => {
  it('serves every operation of the model; everything but Parameter Store says Berth lacks it', async () => {
    const t = unitSsm();
    expect([...t.module.api.operations.keys()].sort()).toEqual([...SSM_OPERATIONS].sort());
    expect(await t.errorOf('SendCommand', {})).toBe(
      'UnsupportedOperationException: Berth does not support SendCommand: its Systems Manager is Parameter Store only.',
    );
  });
});

describe('PutParameter and GetParameter', () => {
  it('creates version 1, overwrites to version 2, and reads by name, ARN, version and label', async () => {
    const t = unitSsm();
    expect(await t.call('PutParameter', { Name: '/app/db/url', Value: 'one', Type: 'String' })).toEqual({
      Version: 1,
      Tier: 'Standard',
    });
    expect(await t.errorOf('PutParameter', { Name: '/app/db/url', Value: 'two', Type: 'String' })).toBe(
      EXISTS,
    );
    t.clock.now += 1000;
    expect(
      (await t.call('PutParameter', { Name: '/app/db/url', Value: 'two', Overwrite: true })).Version,
    ).toBe(2);
    expect((await t.call('GetParameter', { Name: '/app/db/url' })).Parameter).toEqual({
      Name: '/app/db/url',
      Type: 'String',
      Value: 'two',
      Version: 2,
      LastModifiedDate: t.clock.now / 1000,
      ARN,
      DataType: 'text',
    });
    expect((await t.call('GetParameter', { Name: ARN })).Parameter.Value).toBe('two');
    const v1 = (await t.call('GetParameter', { Name: '/app/db/url:1' })).Parameter;
    expect(v1).toMatchObject({ Name: '/app/db/url', Value: 'one', Version: 1, Selector: ':1' });
    expect((await t.call('GetParameter', { Name: `${ARN}:1` })).Parameter.Value).toBe('one');
    await t.call('LabelParameterVersion', { Name: '/app/db/url', ParameterVersion: 1, Labels: ['stable'] });
    expect((await t.call('GetParameter', { Name: '/app/db/url:stable' })).Parameter).toMatchObject({
      Value: 'one',
      Selector: ':stable',
    });
    expect(await t.errorOf('GetParameter', { Name: '/app/db/url:9' })).toBe(
      'ParameterVersionNotFound: Systems Manager could not find version 9 of /app/db/url. Verify the version and try again.',
    );
    expect(await t.errorOf('GetParameter', { Name: '/app/db/url:nolabel' })).toBe('ParameterNotFound: ');
    expect(await t.errorOf('GetParameter', { Name: '/nope' })).toBe('ParameterNotFound: ');
  });

  it('hides a SecureString without WithDecryption, and shows it with', async () => {
    const t = unitSsm();
    await t.call('PutParameter', { Name: '/app/password', Value: 'hunter2', Type: 'SecureString' });
    const hidden = (await t.call('GetParameter', { Name: '/app/password' })).Parameter;
    expect(hidden.Type).toBe('SecureString');
    expect(hidden.Value).not.toContain('hunter2');
    expect(hidden.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(hidden.Value, 'base64').toString()).not.toContain('hunter2');
    expect(
      (await t.call('GetParameter', { Name: '/app/password', WithDecryption: true })).Parameter.Value,
    ).toBe('hunter2');
    const [described] = (await t.call('DescribeParameters', {})).Parameters;
    expect(described).toMatchObject({ Name: '/app/password', Type: 'SecureString', KeyId: 'alias/aws/ssm' });
  });

  it('checks names, types, patterns, tags with overwrite and policies', async () => {
    const t = unitSsm();
    for (const bad of ['a/b', '/aws/x', 'ssm-thing', '/a b', '/a//b', 'AWSfoo']) {
      expect(await t.errorOf('PutParameter', { Name: bad, Value: 'v', Type: 'String' })).toMatch(
        /^ValidationException: Parameter name: can't be prefixed with "aws" or "ssm"/,
      );
    }
    const deep = `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`;
    expect(await t.errorOf('PutParameter', { Name: deep, Value: 'v', Type: 'String' })).toMatch(
      /^HierarchyLevelLimitExceededException: A hierarchy can have a maximum of 15 levels/,
    );
    expect(
      await t.call('PutParameter', {
        Name: deep.slice(0, deep.lastIndexOf('/')),
        Value: 'v',
        Type: 'String',
      }),
    ).toEqual({ Version: 1, Tier: 'Standard' });
    expect(await t.errorOf('PutParameter', { Name: 'plain', Value: 'v' })).toBe(
      'ValidationException: A parameter type is required when you create a parameter.',
    );
    expect(
      await t.errorOf('PutParameter', {
        Name: 'num',
        Value: 'abc',
        Type: 'String',
        AllowedPattern: '^\\d+$',
      }),
    ).toBe(
      'ParameterPatternMismatchException: Parameter value, cannot be validated against allowedPattern: ^\\d+$',
    );
    await t.call('PutParameter', { Name: 'num', Value: '42', Type: 'String', AllowedPattern: '^\\d+$' });
    expect(await t.errorOf('PutParameter', { Name: 'num', Value: 'x', Overwrite: true })).toMatch(
      /^ParameterPatternMismatchException/,
    );
    expect(
      await t.errorOf('PutParameter', {
        Name: 'num',
        Value: '43',
        Overwrite: true,
        Tags: [{ Key: 'a', Value: 'b' }],
      }),
    ).toMatch(/^ValidationException: Invalid request: tags and overwrite can't be used together/);
    expect(await t.errorOf('PutParameter', { Name: 'p', Value: 'v', Type: 'String', Policies: '[]' })).toBe(
      'UnsupportedOperationException: Berth does not support parameter policies.',
    );
    expect(await t.errorOf('PutParameter', { Name: 'p', Value: 'v', Type: 'Number' })).toMatch(
      /^ValidationException: 1 validation error detected: Value 'Number' at 'type'/,
    );
  });

  it('keeps parameters per account and Region', async () => {
    const t = unitSsm();
    const west = contextFor({ accountId: '123456789012', region: 'us-west-2' });
    await t.call('PutParameter', { Name: '/x', Value: 'east', Type: 'String' });
    expect(await t.errorOf('GetParameter', { Name: '/x' }, west)).toBe('ParameterNotFound: ');
    await t.call('PutParameter', { Name: '/x', Value: 'west', Type: 'String' }, west);
    expect((await t.call('GetParameter', { Name: '/x' }, west)).Parameter).toMatchObject({
      Value: 'west',
      ARN: 'arn:aws:ssm:us-west-2:123456789012:parameter/x',
    });
    expect((await t.call('GetParameter', { Name: '/x' })).Parameter.Value).toBe('east');
    expect(await t.errorOf('GetParameter', { Name: 'arn:aws:ssm:us-west-2:123456789012:parameter/x' })).toBe(
      'ParameterNotFound: ',
    );
  });
});

describe('reading and deleting many', () => {
  const seeded = async (): Promise<ReturnType<typeof unitSsm>> => {
    const t = unitSsm();
    for (const [Name, Type] of [
      ['/app/a', 'String'],
      ['/app/b', 'SecureString'],
      ['/app/sub/c', 'StringList'],
      ['/app/sub/deep/d', 'String'],
      ['/other/e', 'String'],
      ['plain', 'String'],
    ]) {
      await t.call('PutParameter', { Name, Value: `${Name}-value`, Type });
    }
    return t;
  };
  const names = (reply: Record<string, unknown>): string[] =>
    (reply['Parameters'] as { Name: string }[]).map((p) => p.Name);

  it('GetParameters answers the missing ones as InvalidParameters', async () => {
    const t = await seeded();
    const reply = await t.call('GetParameters', {
      Names: ['/app/a', '/missing', '/app/b', '/app/a:7'],
      WithDecryption: true,
    });
    expect(names(reply)).toEqual(['/app/a', '/app/b']);
    expect(reply.Parameters[1].Value).toBe('/app/b-value');
    expect(reply.InvalidParameters).toEqual(['/missing', '/app/a:7']);
    expect(
      await t.errorOf('GetParameters', { Names: Array.from({ length: 11 }, (_, i) => `/n${i}`) }),
    ).toMatch(/^ValidationException: /);
  });

  it('GetParametersByPath reads one level or recursively, filters and pages by 10', async () => {
    const t = await seeded();
    expect(names(await t.call('GetParametersByPath', { Path: '/app' }))).toEqual(['/app/a', '/app/b']);
    expect(names(await t.call('GetParametersByPath', { Path: '/app/', Recursive: true }))).toEqual([
      '/app/a',
      '/app/b',
      '/app/sub/c',
      '/app/sub/deep/d',
    ]);
    const secure = await t.call('GetParametersByPath', {
      Path: '/app',
      Recursive: true,
      ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }],
    });
    expect(names(secure)).toEqual(['/app/b']);
    expect(secure.Parameters[0].Value).not.toBe('/app/b-value');
    expect(names(await t.call('GetParametersByPath', { Path: '/' }))).toEqual([]);
    expect(names(await t.call('GetParametersByPath', { Path: '/', Recursive: true }))).toHaveLength(5);
    const first = await t.call('GetParametersByPath', { Path: '/', Recursive: true, MaxResults: 3 });
    expect(names(first)).toHaveLength(3);
    const rest = await t.call('GetParametersByPath', {
      Path: '/',
      Recursive: true,
      NextToken: first.NextToken,
    });
    expect(names(rest)).toEqual(['/app/sub/deep/d', '/other/e']);
    expect(await t.errorOf('GetParametersByPath', { Path: '/', MaxResults: 11 })).toMatch(
      /^ValidationException: /,
    );
    expect(await t.errorOf('GetParametersByPath', { Path: 'app' })).toMatch(
      /^ValidationException: The parameter doesn't meet the parameter name requirements/,
    );
    expect(
      await t.errorOf('GetParametersByPath', {
        Path: '/app',
        ParameterFilters: [{ Key: 'Name', Values: ['x'] }],
      }),
    ).toMatch(/^InvalidFilterKey: /);
    await t.call('LabelParameterVersion', { Name: '/app/a', Labels: ['live'] });
    await t.call('PutParameter', { Name: '/app/a', Value: 'newer', Overwrite: true });
    const labelled = await t.call('GetParametersByPath', {
      Path: '/app',
      ParameterFilters: [{ Key: 'Label', Values: ['live'] }],
    });
    expect(labelled.Parameters).toEqual([
      expect.objectContaining({ Name: '/app/a', Version: 1, Value: '/app/a-value' }),
    ]);
  });

  it('DescribeParameters filters by name, type and path', async () => {
    const t = await seeded();
    const describe = async (input: object): Promise<string[]> =>
      names(await t.call('DescribeParameters', input));
    expect(await describe({})).toHaveLength(6);
    expect(
      await describe({ ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/app/s'] }] }),
    ).toEqual(['/app/sub/c', '/app/sub/deep/d']);
    expect(await describe({ ParameterFilters: [{ Key: 'Name', Values: ['plain'] }] })).toEqual(['plain']);
    expect(
      await describe({ ParameterFilters: [{ Key: 'Type', Values: ['StringList', 'SecureString'] }] }),
    ).toEqual(['/app/b', '/app/sub/c']);
    expect(await describe({ ParameterFilters: [{ Key: 'Path', Values: ['/app/sub'] }] })).toEqual([
      '/app/sub/c',
    ]);
    expect(
      await describe({ ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/app/sub'] }] }),
    ).toEqual(['/app/sub/c', '/app/sub/deep/d']);
    expect(await describe({ Filters: [{ Key: 'Name', Values: ['/other'] }] })).toEqual(['/other/e']);
    expect(
      await t.errorOf('DescribeParameters', {
        Filters: [{ Key: 'Name', Values: ['/a'] }],
        ParameterFilters: [{ Key: 'Name', Values: ['/a'] }],
      }),
    ).toBe('ValidationException: You can use either Filters or ParameterFilters in a single request.');
    const [meta] = (
      await t.call('DescribeParameters', { ParameterFilters: [{ Key: 'Name', Values: ['/app/a'] }] })
    ).Parameters;
    expect(meta).toEqual({
      Name: '/app/a',
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/a',
      Type: 'String',
      LastModifiedDate: t.clock.now / 1000,
      LastModifiedUser: 'arn:aws:iam::123456789012:root',
      Version: 1,
      Tier: 'Standard',
      Policies: [],
      DataType: 'text',
    });
  });

  it('DeleteParameter and DeleteParameters', async () => {
    const t = await seeded();
    await t.call('DeleteParameter', { Name: '/app/a' });
    expect(await t.errorOf('DeleteParameter', { Name: '/app/a' })).toBe('ParameterNotFound: ');
    expect(await t.call('DeleteParameters', { Names: ['/app/b', '/gone', 'plain'] })).toEqual({
      DeletedParameters: ['/app/b', 'plain'],
      InvalidParameters: ['/gone'],
    });
    expect(await t.errorOf('GetParameter', { Name: 'plain' })).toBe('ParameterNotFound: ');
  });
});
