/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { PARTITION, unitSsm } from '../test-support/ssm.test-support.js';

const put = async (t: ReturnType<typeof unitSsm>, value: string): Promise<void> => {
  await t.call('PutParameter', { Name: '/p', Value: value, Type: 'String', Overwrite: true });
};

describe('labels and history', () => {
  it('moves a label between versions and reports invalid labels', async () => {
    const t = unitSsm();
    for (const v of ['one', 'two', 'three']) await put(t, v);
    expect(
      await t.call('LabelParameterVersion', {
        Name: '/p',
        ParameterVersion: 1,
        Labels: ['prod', 'aws-x', 'SSMy', '1st', 'x'.repeat(101), 'ok.label_1-2'],
      }),
    ).toEqual({ InvalidLabels: ['aws-x', 'SSMy', '1st', 'x'.repeat(101)], ParameterVersion: 1 });
    // Without a version, the label goes on the latest, and leaves version 1.
    expect(await t.call('LabelParameterVersion', { Name: '/p', Labels: ['prod'] })).toEqual({
      InvalidLabels: [],
      ParameterVersion: 3,
    });
    const history = (await t.call('GetParameterHistory', { Name: '/p' })).Parameters;
    expect(
      history.map((h: { Version: number; Labels: string[]; Value: string }) => [
        h.Version,
        h.Labels,
        h.Value,
      ]),
    ).toEqual([
      [1, ['ok.label_1-2'], 'one'],
      [2, [], 'two'],
      [3, ['prod'], 'three'],
    ]);
    expect(history[0]).toMatchObject({ Name: '/p', Type: 'String', Tier: 'Standard', DataType: 'text' });
    expect(
      await t.errorOf('LabelParameterVersion', { Name: '/p', ParameterVersion: 9, Labels: ['a'] }),
    ).toMatch(/^ParameterVersionNotFound: Systems Manager could not find version 9 of \/p/);
    expect(
      await t.call('UnlabelParameterVersion', { Name: '/p', ParameterVersion: 3, Labels: ['prod', 'nope'] }),
    ).toEqual({ RemovedLabels: ['prod'], InvalidLabels: ['nope'] });
    expect(await t.errorOf('GetParameter', { Name: '/p:prod' })).toBe('ParameterNotFound: ');
  });

  it('allows at most 10 labels on a version', async () => {
    const t = unitSsm();
    await put(t, 'v');
    const ten = Array.from({ length: 10 }, (_, i) => `l${i}`);
    await t.call('LabelParameterVersion', { Name: '/p', Labels: ten });
    expect(await t.errorOf('LabelParameterVersion', { Name: '/p', Labels: ['eleven'] })).toBe(
      'ParameterVersionLabelLimitExceeded: A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
    );
    // Re-applying labels it already has is fine.
    await t.call('LabelParameterVersion', { Name: '/p', Labels: ['l0'] });
  });

  it('keeps 100 versions, dropping the oldest unless it has a label', async () => {
    const t = unitSsm();
    for (let i = 1; i <= 100; i++) await put(t, `v${i}`);
    await put(t, 'v101');
    const versions = async (): Promise<number[]> => {
      const all: number[] = [];
      let token: string | undefined;
      do {
        const page = await t.call('GetParameterHistory', {
          Name: '/p',
          ...(token ? { NextToken: token } : {}),
        });
        all.push(...page.Parameters.map((p: { Version: number }) => p.Version));
        token = page.NextToken;
      } while (token);
      return all;
    };
    const kept = await versions();
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe(2);
    await t.call('LabelParameterVersion', { Name: '/p', ParameterVersion: 2, Labels: ['pinned'] });
    expect(await t.errorOf('PutParameter', { Name: '/p', Value: 'x', Overwrite: true })).toMatch(
      /^ParameterMaxVersionLimitExceeded: .*Version 2, the oldest version, can't be deleted because it has a label/,
    );
  });
});

describe('tags', () => {
  it('adds, lists and removes tags on a parameter, by name or ARN', async () => {
    const t = unitSsm();
    await t.call('PutParameter', {
      Name: '/p',
      Value: 'v',
      Type: 'String',
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    const id = { ResourceType: 'Parameter', ResourceId: '/p' };
    await t.call('AddTagsToResource', { ...id, Tags: [{ Key: 'env', Value: 'prod' }] });
    expect((await t.call('ListTagsForResource', id)).TagList).toEqual([
      { Key: 'team', Value: 'core' },
      { Key: 'env', Value: 'prod' },
    ]);
    await t.call('RemoveTagsFromResource', {
      ResourceType: 'Parameter',
      ResourceId: 'arn:aws:ssm:us-east-1:123456789012:parameter/p',
      TagKeys: ['team'],
    });
    expect((await t.call('ListTagsForResource', id)).TagList).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(
      await t.errorOf('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/missing' }),
    ).toBe('InvalidResourceId: ');
    expect(await t.errorOf('ListTagsForResource', { ResourceType: 'Document', ResourceId: '/p' })).toBe(
      'InvalidResourceType: ',
    );
  });
});

describe('authorization', () => {
  it('names parameter ARNs (selectors dropped), the path for by-path reads, and * for describe', async () => {
    const t = unitSsm();
    const authorize = t.module.api.authorization;
    if (!authorize) throw new Error('no authorization');
    const arn = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db';
    expect(
      authorize('PutParameter', { Name: '/app/db', Tags: [{ Key: 'k', Value: 'v' }] }, PARTITION),
    ).toEqual({
      resources: [arn],
      context: { 'aws:RequestTag/k': 'v', 'aws:TagKeys': ['k'] },
    });
    await t.call('PutParameter', {
      Name: '/app/db',
      Value: 'v',
      Type: 'String',
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    for (const name of ['/app/db', '/app/db:1', arn, `${arn}:1`]) {
      expect(authorize('GetParameter', { Name: name }, PARTITION)).toEqual({
        resources: [arn],
        context: { 'aws:ResourceTag/team': 'core' },
      });
    }
    expect(
      authorize('GetParameters', { Names: ['/app/db', 'plain', '/app/db:1'] }, PARTITION).resources,
    ).toEqual([arn, 'arn:aws:ssm:us-east-1:123456789012:parameter/plain']);
    expect(authorize('GetParametersByPath', { Path: '/app/' }, PARTITION).resources).toEqual([
      'arn:aws:ssm:us-east-1:123456789012:parameter/app',
    ]);
    expect(authorize('DescribeParameters', {}, PARTITION)).toEqual({ resources: ['*'] });
  });
});
