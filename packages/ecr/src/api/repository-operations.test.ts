/* eslint-disable @typescript-eslint/no-unsafe-call -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { ECR_OPERATIONS } from '@berth/wire/ecr';

import { unitEcr } from '../test-support/ecr.test-support.js';

const ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web';

describe('the ECR API', () => {
  it('serves every operation of the model; the features Berth lacks say so', async () => {
    const t = unitEcr();
    expect([...t.module.api.operations.keys()].sort()).toEqual([...ECR_OPERATIONS].sort());
    expect(await t.errorOf('CreatePullThroughCacheRule', {})).toBe(
      'ValidationException: Berth does not support pull through cache rules.',
    );
    expect(await t.errorOf('PutReplicationConfiguration', {})).toMatch(
      /^ValidationException: Berth does not support replication/,
    );
  });
});

describe('repositories', () => {
  it('creates, describes and deletes a repository with ECR defaults', async () => {
    const t = unitEcr();
    const { repository } = await t.call('CreateRepository', { repositoryName: 'team/web' });
    expect(repository).toEqual({
      repositoryArn: ARN,
      registryId: '123456789012',
      repositoryName: 'team/web',
      repositoryUri: 'localhost:7471/team/web',
      createdAt: t.clock.now / 1000,
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    expect((await t.call('DescribeRepositories', {})).repositories).toEqual([repository]);
    expect((await t.call('DescribeRepositories', { repositoryNames: ['team/web'] })).repositories).toEqual([
      repository,
    ]);
    expect((await t.call('DeleteRepository', { repositoryName: 'team/web' })).repository).toEqual(repository);
    expect(await t.errorOf('DescribeRepositories', { repositoryNames: ['team/web'] })).toBe(
      "RepositoryNotFoundException: The repository with name 'team/web' does not exist in the registry with id '123456789012'",
    );
  });

  it('refuses duplicates and names outside ECR’s pattern', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    expect(await t.errorOf('CreateRepository', { repositoryName: 'web' })).toBe(
      "RepositoryAlreadyExistsException: The repository with name 'web' already exists in the registry with id '123456789012'",
    );
    for (const bad of ['Web', 'a', 'web/', '-web', 'we__b', 'x'.repeat(257)]) {
      expect(await t.errorOf('CreateRepository', { repositoryName: bad })).toMatch(
        /^InvalidParameterException: /,
      );
    }
  });

  it('pages DescribeRepositories', async () => {
    const t = unitEcr();
    for (const name of ['aa', 'bb', 'cc']) {
      await t.call('CreateRepository', { repositoryName: name });
      t.clock.now += 1000;
    }
    const first = await t.call('DescribeRepositories', { maxResults: 2 });
    expect(first.repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(['aa', 'bb']);
    const second = await t.call('DescribeRepositories', { maxResults: 2, nextToken: first.nextToken });
    expect(second.repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(['cc']);
    expect(second.nextToken).toBeUndefined();
  });

  it('deletes a repository with images only with force', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    await t.put('web', t.manifest(['l1']), 'v1');
    expect(await t.errorOf('DeleteRepository', { repositoryName: 'web' })).toBe(
      "RepositoryNotEmptyException: The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images",
    );
    await t.call('DeleteRepository', { repositoryName: 'web', force: true });
    await t.call('CreateRepository', { repositoryName: 'web' });
    expect((await t.call('ListImages', { repositoryName: 'web' })).imageIds).toEqual([]);
    expect(t.module.catalog.listTags({ accountId: '123456789012', region: 'us-east-1' }, 'web')).toEqual([]);
  });

  it('sets tag mutability with exclusion filters, and validates them', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    const filters = [{ filterType: 'WILDCARD', filter: 'latest*' }];
    expect(
      await t.call('PutImageTagMutability', {
        repositoryName: 'web',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: filters,
      }),
    ).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: filters,
    });
    expect(
      await t.errorOf('PutImageTagMutability', {
        repositoryName: 'web',
        imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
      }),
    ).toMatch(/^InvalidParameterException: imageTagMutabilityExclusionFilters must be specified/);
    expect(
      await t.errorOf('PutImageTagMutability', { repositoryName: 'web', imageTagMutability: 'SOMETIMES' }),
    ).toMatch(/^InvalidParameterException: /);
  });

  it('keeps a repository policy (valid JSON) and the scan-on-push setting', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    expect(await t.errorOf('GetRepositoryPolicy', { repositoryName: 'web' })).toBe(
      "RepositoryPolicyNotFoundException: Repository policy does not exist for the repository with name 'web' in the registry with id '123456789012'",
    );
    expect(await t.errorOf('SetRepositoryPolicy', { repositoryName: 'web', policyText: '{nope' })).toMatch(
      /^InvalidParameterException: /,
    );
    const policyText = '{"Version":"2012-10-17","Statement":[]}';
    await t.call('SetRepositoryPolicy', { repositoryName: 'web', policyText });
    expect((await t.call('GetRepositoryPolicy', { repositoryName: 'web' })).policyText).toBe(policyText);
    expect((await t.call('DeleteRepositoryPolicy', { repositoryName: 'web' })).policyText).toBe(policyText);
    expect(await t.errorOf('DeleteRepositoryPolicy', { repositoryName: 'web' })).toMatch(
      /^RepositoryPolicyNotFoundException/,
    );
    await t.call('PutImageScanningConfiguration', {
      repositoryName: 'web',
      imageScanningConfiguration: { scanOnPush: true },
    });
    const { repositories } = await t.call('DescribeRepositories', {});
    expect(repositories[0].imageScanningConfiguration).toEqual({ scanOnPush: true });
    expect(
      await t.call('BatchGetRepositoryScanningConfiguration', { repositoryNames: ['web', 'nope'] }),
    ).toEqual({
      scanningConfigurations: [
        {
          repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/web',
          repositoryName: 'web',
          scanOnPush: true,
          scanFrequency: 'SCAN_ON_PUSH',
          appliedScanFilters: [],
        },
      ],
      failures: [
        {
          repositoryName: 'nope',
          failureCode: 'REPOSITORY_NOT_FOUND',
          failureReason: 'REPOSITORY_NOT_FOUND',
        },
      ],
    });
  });

  it('tags repositories by ARN', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'team/web', tags: [{ Key: 'team', Value: 'a' }] });
    await t.call('TagResource', { resourceArn: ARN, tags: [{ Key: 'env', Value: 'prod' }] });
    await t.call('UntagResource', { resourceArn: ARN, tagKeys: ['team'] });
    expect((await t.call('ListTagsForResource', { resourceArn: ARN })).tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    expect(await t.errorOf('TagResource', { resourceArn: ARN, tags: [{ Key: 'aws:x', Value: '' }] })).toMatch(
      /^InvalidTagParameterException/,
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await t.errorOf('TagResource', { resourceArn: ARN, tags: many })).toMatch(/^TooManyTagsException/);
    expect(await t.errorOf('ListTagsForResource', { resourceArn: `${ARN}x` })).toMatch(
      /^RepositoryNotFoundException/,
    );
    expect(await t.errorOf('ListTagsForResource', { resourceArn: 'arn:aws:s3:::b' })).toMatch(
      /^InvalidParameterException/,
    );
  });

  it('describes the registry, its (absent) policy and its scanning configuration', async () => {
    const t = unitEcr();
    expect(await t.call('DescribeRegistry', {})).toEqual({
      registryId: '123456789012',
      replicationConfiguration: { rules: [] },
    });
    expect(await t.errorOf('GetRegistryPolicy', {})).toBe(
      "RegistryPolicyNotFoundException: Registry policy does not exist in the registry with id '123456789012'",
    );
    expect((await t.call('GetRegistryScanningConfiguration', {})).scanningConfiguration).toEqual({
      scanType: 'BASIC',
      rules: [],
    });
    const rules = [
      { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
    ];
    await t.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules });
    expect((await t.call('GetRegistryScanningConfiguration', {})).scanningConfiguration).toEqual({
      scanType: 'BASIC',
      rules,
    });
  });
});
