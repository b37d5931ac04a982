/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { digestOf, PARTITION, unitEcr } from '../test-support/ecr.test-support.js';

const HOUR = 3600 * 1000;

describe('BlobCollector', () => {
  it('removes unreferenced blobs past the grace period, their links, and abandoned uploads', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    await t.put('web', t.manifest(['kept']), 'v1');
    const orphan = t.blobs.add('orphan');
    t.module.catalog.linkBlob(PARTITION, 'web', orphan.digest);
    await t.call('InitiateLayerUpload', { repositoryName: 'web' });
    t.clock.now += 30 * 60 * 1000;
    const fresh = t.blobs.add('fresh');
    t.clock.now += 31 * 60 * 1000;
    expect((await t.module.collector.collectOnce()).deletedBlobs).toEqual([orphan.digest]);
    expect(t.module.catalog.hasBlob(PARTITION, 'web', orphan.digest)).toBe(false);
    expect(t.blobs.blobs.has(fresh.digest)).toBe(true);
    expect(t.blobs.blobs.has(digestOf('kept'))).toBe(true);
    t.clock.now += 24 * HOUR;
    expect((await t.module.collector.collectOnce()).removedUploads).toBe(1);
  });

  it('frees an image’s blobs once the image is deleted', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    const digest = await t.put('web', t.manifest(['gone']), 'v1');
    await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageDigest: digest }] });
    t.clock.now += 2 * HOUR;
    const { deletedBlobs } = await t.module.collector.collectOnce();
    expect(deletedBlobs).toContain(digestOf('gone'));
  });

  it('spares blobs a push just checked: put-image touches them first', async () => {
    const t = unitEcr();
    await t.call('CreateRepository', { repositoryName: 'web' });
    const manifest = t.manifest(['old']);
    t.clock.now += 2 * HOUR;
    const digest = await t.put('web', manifest, 'v1');
    expect(t.blobs.blobs.get(digestOf('old'))?.modifiedAt).toBe(t.clock.now);
    await t.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageDigest: digest }] });
    expect((await t.module.collector.collectOnce()).deletedBlobs).toEqual([]);
  });

  it('never removes a blob an image in any repository references', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b'),
            fc.uniqueArray(fc.constantFrom('l1', 'l2', 'l3', 'l4'), { minLength: 1, maxLength: 3 }),
            fc.boolean(),
          ),
          {
            maxLength: 8,
          },
        ),
        async (pushes) => {
          const t = unitEcr();
          await t.call('CreateRepository', { repositoryName: 'aa' });
          await t.call('CreateRepository', { repositoryName: 'bb' });
          const digests: [string, string][] = [];
          for (const [repo, layers] of pushes) {
            const bytes = Buffer.from(t.manifest(layers));
            const push = { reference: digestOf(bytes), mediaType: '', bytes };
            digests.push([
              `${repo}${repo}`,
              (await t.module.catalog.putManifest(PARTITION, `${repo}${repo}`, push)).digest,
            ]);
          }
          for (const [i, [repo, digest]] of digests.entries()) {
            if (pushes[i]?.[2])
              await t.call('BatchDeleteImage', { repositoryName: repo, imageIds: [{ imageDigest: digest }] });
          }
          t.blobs.add('stray');
          t.clock.now += 2 * HOUR;
          await t.module.collector.collectOnce();
          for (const repo of ['aa', 'bb']) {
            const { images } = await t.call('BatchGetImage', {
              repositoryName: repo,
              imageIds: (await t.call('ListImages', { repositoryName: repo })).imageIds,
            });
            for (const image of images) {
              const m = JSON.parse(image.imageManifest);
              for (const d of [m.config.digest, ...m.layers.map((l: { digest: string }) => l.digest)]) {
                expect(t.blobs.blobs.has(d)).toBe(true);
              }
            }
          }
          expect(t.blobs.blobs.has(digestOf('stray'))).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
  });
});
