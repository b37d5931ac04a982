/* eslint-disable @typescript-eslint/no-unsafe-call -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { unitEcr } from '../test-support/ecr.test-support.js';

const DAY = 86_400_000;
const KEEP_TWO = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 2 },
      action: { type: 'expire' },
    },
  ],
});

describe('lifecycle policies', () => {
  it('stores, previews and applies a policy', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    expect(await t.errorOf('GetLifecyclePolicy', { repositoryName: 'web' })).toBe(
      "LifecyclePolicyNotFoundException: Lifecycle policy does not exist for the repository with name 'web' in the registry with id '123456789012'",
    );
    expect(await t.errorOf('GetLifecyclePolicyPreview', { repositoryName: 'web' })).toMatch(
      /^LifecyclePolicyPreviewNotFoundException/,
    );
    expect(
      await t.errorOf('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: '{"rules":[]}' }),
    ).toMatch(/^InvalidParameterException: Invalid parameter at 'lifecyclePolicyText'/);
    const digests: string[] = [];
    for (const tag of ['v1', 'v2', 'v3']) {
      digests.push(await t.put('web', t.manifest([tag]), tag));
      t.clock.now += DAY;
    }
    await t.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: KEEP_TWO });
    expect((await t.call('StartLifecyclePolicyPreview', { repositoryName: 'web' })).status).toBe('COMPLETE');
    const preview = await t.call('GetLifecyclePolicyPreview', { repositoryName: 'web' });
    expect(preview).toMatchObject({
      status: 'COMPLETE',
      summary: { expiringImageTotalCount: 1 },
      previewResults: [
        { imageDigest: digests[0], imageTags: ['v1'], action: { type: 'EXPIRE' }, appliedRulePriority: 1 },
      ],
    });
    expect(t.module.lifecycle.evaluateOnce()).toBe(1);
    expect(
      (await t.call('ListImages', { repositoryName: 'web' })).imageIds
        .map((i: { imageTag: string }) => i.imageTag)
        .sort(),
    ).toEqual(['v2', 'v3']);
    expect((await t.call('GetLifecyclePolicy', { repositoryName: 'web' })).lastEvaluatedAt).toBe(
      t.clock.now / 1000,
    );
    expect((await t.call('DeleteLifecyclePolicy', { repositoryName: 'web' })).lifecyclePolicyText).toBe(
      KEEP_TWO,
    );
    expect(t.module.lifecycle.evaluateOnce()).toBe(0);
  });

  it('does not expire the children of a live manifest list', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    const child = t.manifest(['c']);
    const childDigest = await t.put('web', child);
    await t.put(
      'web',
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            digest: childDigest,
            size: child.length,
          },
        ],
      }),
      'multi',
    );
    const untagged = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 1,
          },
          action: { type: 'expire' },
        },
      ],
    });
    await t.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: untagged });
    t.clock.now += 3 * DAY;
    expect(t.module.lifecycle.evaluateOnce()).toBe(0);
    expect((await t.call('ListImages', { repositoryName: 'web' })).imageIds).toHaveLength(2);
  });
});
