import { describe, expect, it } from 'vitest';

import type { DescribeLogGroupsResponse, ListTagsForResourceResponse } from '@berth/wire/logs';

import { CTX, NOW, OTHER_REGION, unitLogs } from '../test-support/logs.test-support.js';

const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web';

describe('log groups', () => {
  it('are created once per partition and described as CloudWatch Logs shows them', async () => {
    const t = unitLogs();
    await t.call('CreateLogGroup', { logGroupName: '/ecs/web', tags: { team: 'a' } });
    expect(await t.errorOf('CreateLogGroup', { logGroupName: '/ecs/web' })).toBe(
      'ResourceAlreadyExistsException: The specified log group already exists.',
    );
    expect(await t.errorOf('CreateLogGroup', { logGroupName: '/ecs/web' }, OTHER_REGION)).toBe('none');
    const { logGroups } = await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', {});
    expect(logGroups).toEqual([
      {
        logGroupName: '/ecs/web',
        creationTime: NOW,
        metricFilterCount: 0,
        arn: `${ARN}:*`,
        storedBytes: 0,
        logGroupClass: 'STANDARD',
        logGroupArn: ARN,
      },
    ]);
  });

  it('check names as CloudWatch Logs does', async () => {
    const t = unitLogs();
    expect(await t.errorOf('CreateLogGroup', { logGroupName: 'a:b' })).toBe(
      "InvalidParameterException: 1 validation error detected: Value 'a:b' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    );
    expect(await t.errorOf('CreateLogGroup', { logGroupName: 'x'.repeat(513) })).toMatch(
      /Member must have length less than or equal to 512$/,
    );
    expect(await t.errorOf('CreateLogGroup', { logGroupName: 'x'.repeat(512) })).toBe('none');
    expect(
      await t.errorOf('CreateLogGroup', { logGroupName: 'k', logGroupClass: 'INFREQUENT_ACCESS' }),
    ).toMatch(/^InvalidParameterException: Berth keeps every log group in the STANDARD class/);
  });

  it('are described by prefix or pattern, in name order, paged by nextToken', async () => {
    const t = unitLogs();
    for (const name of ['/ecs/b', '/ecs/a', '/lambda/x', '/ecs/c', 'DataLogs']) {
      await t.call('CreateLogGroup', { logGroupName: name });
    }
    const names = async (input: object): Promise<{ names: string[]; nextToken?: string }> => {
      const out = await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', input);
      return {
        names: (out.logGroups ?? []).map((g) => g.logGroupName!),
        ...(out.nextToken ? { nextToken: out.nextToken } : {}),
      };
    };
    expect((await names({ logGroupNamePrefix: '/ecs/' })).names).toEqual(['/ecs/a', '/ecs/b', '/ecs/c']);
    expect((await names({ logGroupNamePattern: 'Logs' })).names).toEqual(['DataLogs']);
    expect((await names({ logGroupNamePattern: 'logs' })).names).toEqual([]);
    const first = await names({ logGroupNamePrefix: '/ecs/', limit: 2 });
    expect(first.names).toEqual(['/ecs/a', '/ecs/b']);
    const second = await names({ logGroupNamePrefix: '/ecs/', limit: 2, nextToken: first.nextToken });
    expect(second).toEqual({ names: ['/ecs/c'] });
    expect(
      await t.errorOf('DescribeLogGroups', { logGroupNamePrefix: 'a', logGroupNamePattern: 'b' }),
    ).toMatch(/^InvalidParameterException: /);
    expect(await t.errorOf('DescribeLogGroups', { limit: 51 })).toBe(
      "InvalidParameterException: 1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
    expect(await t.errorOf('DescribeLogGroups', { nextToken: 'garbage' })).toBe(
      'InvalidParameterException: The specified nextToken is invalid.',
    );
  });

  it('are described by name or ARN, and by class (all of Berth’s are STANDARD)', async () => {
    const t = unitLogs();
    for (const name of ['/ecs/web', '/ecs/api', '/other'])
      await t.call('CreateLogGroup', { logGroupName: name });
    const names = async (input: object): Promise<string[]> =>
      ((await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', input)).logGroups ?? []).map(
        (g) => g.logGroupName!,
      );
    expect(await names({ logGroupIdentifiers: [ARN, '/ecs/api', '/missing'] })).toEqual([
      '/ecs/api',
      '/ecs/web',
    ]);
    expect(await names({ logGroupClass: 'STANDARD' })).toHaveLength(3);
    expect(await names({ logGroupClass: 'INFREQUENT_ACCESS' })).toEqual([]);
    expect(
      await t.errorOf('DescribeLogGroups', { logGroupIdentifiers: ['/a'], logGroupNamePrefix: '/' }),
    ).toMatch(/^InvalidParameterException: /);
    expect(await t.errorOf('CreateLogGroup', { logGroupName: 'p', deletionProtectionEnabled: true })).toMatch(
      /^InvalidOperationException: Berth does not support deletion protection: /,
    );
  });

  it('are deleted, then not found', async () => {
    const t = unitLogs();
    await t.groupAndStream();
    await t.call('DeleteLogGroup', { logGroupName: 'g' });
    for (const [op, input] of [
      ['DeleteLogGroup', { logGroupName: 'g' }],
      ['PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 }],
      ['DeleteRetentionPolicy', { logGroupName: 'g' }],
      ['ListTagsLogGroup', { logGroupName: 'g' }],
      ['CreateLogStream', { logGroupName: 'g', logStreamName: 's' }],
      ['DescribeLogStreams', { logGroupName: 'g' }],
    ] as const) {
      expect(await t.errorOf(op, input)).toBe(
        'ResourceNotFoundException: The specified log group does not exist.',
      );
    }
  });

  it('take only the documented retention periods', async () => {
    const t = unitLogs();
    await t.call('CreateLogGroup', { logGroupName: 'g' });
    for (const days of [
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]) {
      expect(await t.errorOf('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: days })).toBe(
        'none',
      );
    }
    expect(await t.errorOf('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 2 })).toBe(
      "InvalidParameterException: 1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
    );
    const shown = async (): Promise<number | undefined> =>
      (await t.call<DescribeLogGroupsResponse>('DescribeLogGroups', {})).logGroups?.[0]?.retentionInDays;
    expect(await shown()).toBe(3653);
    await t.call('DeleteRetentionPolicy', { logGroupName: 'g' });
    expect(await shown()).toBeUndefined();
  });

  it('are tagged by ARN (with or without :*) or by name, in the caller’s partition only', async () => {
    const t = unitLogs();
    await t.call('CreateLogGroup', { logGroupName: '/ecs/web', tags: { a: '1' } });
    await t.call('TagResource', { resourceArn: ARN, tags: { b: '2' } });
    await t.call('TagLogGroup', { logGroupName: '/ecs/web', tags: { c: '3' } });
    await t.call('UntagResource', { resourceArn: `${ARN}:*`, tagKeys: ['a'] });
    expect(await t.call<ListTagsForResourceResponse>('ListTagsForResource', { resourceArn: ARN })).toEqual({
      tags: { b: '2', c: '3' },
    });
    await t.call('UntagLogGroup', { logGroupName: '/ecs/web', tags: ['b'] });
    expect(await t.call('ListTagsLogGroup', { logGroupName: '/ecs/web' })).toEqual({ tags: { c: '3' } });
    expect(await t.errorOf('ListTagsForResource', { resourceArn: ARN }, OTHER_REGION)).toBe(
      'ResourceNotFoundException: The specified log group does not exist.',
    );
    expect(
      await t.errorOf('ListTagsForResource', { resourceArn: 'arn:aws:ecs:us-east-1:1:cluster/x' }),
    ).toMatch(/^InvalidParameterException: /);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(await t.errorOf('TagResource', { resourceArn: ARN, tags: many })).toBe(
      'TooManyTagsException: A resource can have no more than 50 tags.',
    );
    expect(await t.errorOf('UntagResource', { resourceArn: ARN })).toBe(
      'InvalidParameterException: tag keys are required.',
    );
    expect(CTX.partition.region).toBe('us-east-1');
  });
});
