/* eslint-disable @typescript-eslint/no-unsafe-call -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { digestOf, PARTITION, unitEcr, type UnitEcr } from '../test-support/ecr.test-support.js';

const INDEX = 'application/vnd.oci.image.index.v1+json';

const withRepo = async (mutability = 'MUTABLE', filters?: object[]): Promise<UnitEcr> => {
  const t = unitEcr();
  await t.call('CreateRepository', {
    repositoryName: 'web',
    imageTagMutability: mutability,
    ...(filters ? { imageTagMutabilityExclusionFilters: filters } : {}),
  });
  return t;
};

const indexOf = (children: readonly { digest: string; size: number }[]): string =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: INDEX,
    manifests: children.map((c) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...c })),
  });

describe('PutImage and DescribeImages', () => {
  it('stores the exact bytes, digests them, and sizes the image as the sum of its layers', async () => {
    const t = await withRepo();
    const manifest = t.manifest(['aaaa', 'bbbbbb']);
    const { image } = await t.call('PutImage', {
      repositoryName: 'web',
      imageManifest: manifest,
      imageTag: 'v1',
    });
    expect(image).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      imageId: { imageDigest: digestOf(manifest), imageTag: 'v1' },
      imageManifest: manifest,
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    });
    const { imageDetails } = await t.call('DescribeImages', { repositoryName: 'web' });
    expect(imageDetails).toEqual([
      {
        registryId: '123456789012',
        repositoryName: 'web',
        imageDigest: digestOf(manifest),
        imageTags: ['v1'],
        imageSizeInBytes: 10,
        imagePushedAt: t.clock.now / 1000,
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
        imageStatus: 'ACTIVE',
      },
    ]);
  });

  it('sizes an index as the largest of its children, which must be in the repository', async () => {
    const t = await withRepo();
    const small = t.manifest(['a']);
    const large = t.manifest(['abcdefgh']);
    const index = indexOf([small, large].map((m) => ({ digest: digestOf(m), size: m.length })));
    expect(await t.errorOf('PutImage', { repositoryName: 'web', imageManifest: index })).toMatch(
      /^ReferencedImagesNotFoundException: /,
    );
    await t.put('web', small);
    await t.put('web', large);
    const digest = await t.put('web', index, 'multi');
    const { imageDetails } = await t.call('DescribeImages', {
      repositoryName: 'web',
      imageIds: [{ imageTag: 'multi' }],
    });
    expect(imageDetails[0]).toMatchObject({
      imageDigest: digest,
      imageSizeInBytes: 8,
      imageManifestMediaType: INDEX,
    });
  });

  it('requires every referenced blob, refuses schema 1 and a digest that does not match', async () => {
    const t = await withRepo();
    const manifest = t.manifest(['layer']);
    t.blobs.blobs.delete(digestOf('layer'));
    expect(await t.errorOf('PutImage', { repositoryName: 'web', imageManifest: manifest })).toBe(
      `LayersNotFoundException: Layers with digests '[${digestOf('layer')}]' required for pushing image into repository with name 'web' in the registry with id '123456789012' do not exist`,
    );
    const v1 = JSON.stringify({ schemaVersion: 1, name: 'web', tag: 'x', fsLayers: [] });
    expect(await t.errorOf('PutImage', { repositoryName: 'web', imageManifest: v1 })).toMatch(
      /^UnsupportedImageTypeException/,
    );
    const ok = t.manifest(['other']);
    expect(
      await t.errorOf('PutImage', {
        repositoryName: 'web',
        imageManifest: ok,
        imageDigest: `sha256:${'0'.repeat(64)}`,
      }),
    ).toMatch(/^ImageDigestDoesNotMatchException/);
    expect(await t.errorOf('PutImage', { repositoryName: 'nope', imageManifest: ok })).toMatch(
      /^RepositoryNotFoundException/,
    );
    expect(
      await t.errorOf('PutImage', { repositoryName: 'web', imageManifest: ok, imageTag: 'bad tag' }),
    ).toMatch(/^InvalidParameterException/);
  });

  it('answers ImageAlreadyExistsException for the same image and tag, but the registry push is idempotent', async () => {
    const t = await withRepo('IMMUTABLE');
    const manifest = t.manifest(['l']);
    const digest = await t.put('web', manifest, 'v1');
    expect(
      await t.errorOf('PutImage', { repositoryName: 'web', imageManifest: manifest, imageTag: 'v1' }),
    ).toMatch(/^ImageAlreadyExistsException: Image with digest '.*' and tag 'v1' already exists/);
    const push = {
      reference: 'v1',
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      bytes: Buffer.from(manifest),
    };
    expect(await t.module.catalog.putManifest(PARTITION, 'web', push)).toEqual({ digest });
    expect(await t.module.catalog.putManifest(PARTITION, 'web', push)).toEqual({ digest });
  });

  it('refuses to move an immutable tag; a mutable one moves and leaves the old image untagged', async () => {
    const immutable = await withRepo('IMMUTABLE');
    await immutable.put('web', immutable.manifest(['a']), 'v1');
    expect(
      await immutable.errorOf('PutImage', {
        repositoryName: 'web',
        imageManifest: immutable.manifest(['b']),
        imageTag: 'v1',
      }),
    ).toBe(
      "ImageTagAlreadyExistsException: The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the tag is immutable.",
    );
    const mutable = await withRepo();
    const first = await mutable.put('web', mutable.manifest(['a']), 'latest');
    const second = await mutable.put('web', mutable.manifest(['b']), 'latest');
    expect(
      (await mutable.call('ListImages', { repositoryName: 'web', filter: { tagStatus: 'UNTAGGED' } }))
        .imageIds,
    ).toEqual([{ imageDigest: first }]);
    expect(
      (await mutable.call('ListImages', { repositoryName: 'web', filter: { tagStatus: 'TAGGED' } })).imageIds,
    ).toEqual([{ imageDigest: second, imageTag: 'latest' }]);
  });

  it('inverts the rule for tags matching the exclusion filters', async () => {
    const filters = [{ filterType: 'WILDCARD', filter: 'latest*' }];
    const t = await withRepo('IMMUTABLE_WITH_EXCLUSION', filters);
    await t.put('web', t.manifest(['a']), 'latest');
    await t.put('web', t.manifest(['a']), 'v1');
    await t.put('web', t.manifest(['b']), 'latest');
    expect(
      await t.errorOf('PutImage', {
        repositoryName: 'web',
        imageManifest: t.manifest(['b']),
        imageTag: 'v1',
      }),
    ).toMatch(/^ImageTagAlreadyExistsException/);
    const u = await withRepo('MUTABLE_WITH_EXCLUSION', [{ filterType: 'WILDCARD', filter: 'release-*' }]);
    await u.put('web', u.manifest(['a']), 'dev');
    await u.put('web', u.manifest(['b']), 'dev');
    await u.put('web', u.manifest(['a']), 'release-1');
    expect(
      await u.errorOf('PutImage', {
        repositoryName: 'web',
        imageManifest: u.manifest(['b']),
        imageTag: 'release-1',
      }),
    ).toMatch(/^ImageTagAlreadyExistsException/);
  });
});

describe('ListImages, BatchGetImage and BatchDeleteImage', () => {
  it('pages ListImages', async () => {
    const t = await withRepo();
    for (const tag of ['a', 'b', 'c']) {
      await t.put('web', t.manifest([tag]), tag);
      t.clock.now += 1000;
    }
    const first = await t.call('ListImages', { repositoryName: 'web', maxResults: 2 });
    expect(first.imageIds.map((i: { imageTag: string }) => i.imageTag)).toEqual(['c', 'b']);
    const rest = await t.call('ListImages', {
      repositoryName: 'web',
      maxResults: 2,
      nextToken: first.nextToken,
    });
    expect(rest.imageIds.map((i: { imageTag: string }) => i.imageTag)).toEqual(['a']);
  });

  it('gets manifests, with failures for what is missing and for unaccepted media types', async () => {
    const t = await withRepo();
    const manifest = t.manifest(['a']);
    const digest = await t.put('web', manifest, 'v1');
    const other = await t.put('web', t.manifest(['b']), 'v2');
    const { images, failures } = await t.call('BatchGetImage', {
      repositoryName: 'web',
      imageIds: [{ imageTag: 'v1' }, { imageTag: 'nope' }, { imageTag: 'v1', imageDigest: other }, {}],
    });
    expect(images).toEqual([
      expect.objectContaining({ imageId: { imageTag: 'v1', imageDigest: digest }, imageManifest: manifest }),
    ]);
    expect(failures.map((f: { failureCode: string }) => f.failureCode)).toEqual([
      'ImageNotFound',
      'ImageTagDoesNotMatchDigest',
      'MissingDigestAndTag',
    ]);
    const refused = await t.call('BatchGetImage', {
      repositoryName: 'web',
      imageIds: [{ imageTag: 'v1' }],
      acceptedMediaTypes: ['application/vnd.oci.image.manifest.v1+json'],
    });
    expect(refused.images).toEqual([]);
    expect(refused.failures[0].failureReason).toMatch(/not among the accepted media types/);
  });

  it('deletes by tag (the image goes with its last tag) and by digest (with its tags)', async () => {
    const t = await withRepo();
    const digest = await t.put('web', t.manifest(['a']), 'v1');
    await t.put('web', t.manifest(['a']), 'v2');
    expect(
      await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] }),
    ).toEqual({
      imageIds: [{ imageDigest: digest, imageTag: 'v1' }],
      failures: [],
    });
    expect((await t.call('ListImages', { repositoryName: 'web' })).imageIds).toEqual([
      { imageDigest: digest, imageTag: 'v2' },
    ]);
    await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v2' }] });
    expect((await t.call('ListImages', { repositoryName: 'web' })).imageIds).toEqual([]);
    const again = await t.put('web', t.manifest(['b']), 'x');
    await t.put('web', t.manifest(['b']), 'y');
    const result = await t.call('BatchDeleteImage', {
      repositoryName: 'web',
      imageIds: [{ imageDigest: again }, { imageTag: 'gone' }],
    });
    expect(result.imageIds).toEqual([
      { imageDigest: again, imageTag: 'x' },
      { imageDigest: again, imageTag: 'y' },
    ]);
    expect(result.failures).toEqual([
      {
        imageId: { imageTag: 'gone' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
    ]);
  });

  it('keeps an image a manifest list references', async () => {
    const t = await withRepo();
    const child = t.manifest(['a']);
    const childDigest = await t.put('web', child);
    const index = await t.put('web', indexOf([{ digest: childDigest, size: child.length }]), 'multi');
    const { failures } = await t.call('BatchDeleteImage', {
      repositoryName: 'web',
      imageIds: [{ imageDigest: childDigest }],
    });
    expect(failures).toEqual([
      {
        imageId: { imageDigest: childDigest },
        failureCode: 'ImageReferencedByManifestList',
        failureReason: `Requested image referenced by manifest list: [${index}]`,
      },
    ]);
    await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageDigest: index }] });
    await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageDigest: childDigest }] });
    expect((await t.call('ListImages', { repositoryName: 'web' })).imageIds).toEqual([]);
  });
});
