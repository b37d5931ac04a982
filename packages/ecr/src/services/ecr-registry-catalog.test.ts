import { describe, expect, it } from 'vitest';

import { digestOf, PARTITION, unitEcr, type UnitEcr } from '../test-support/ecr.test-support.js';

const withRepo = async (): Promise<UnitEcr> => {
  const t = unitEcr();
  await t.call('CreateRepository', { repositoryName: 'web' });
  return t;
};

describe('the registry catalog and scans', () => {
  it('serves manifests by tag and digest, records pulls, lists tags and referrers', async () => {
    const t = await withRepo();
    const manifest = t.manifest(['a']);
    const digest = await t.put('web', manifest, 'v1');
    expect(t.module.catalog.repositoryExists(PARTITION, 'web')).toBe(true);
    expect(t.module.catalog.getManifest(PARTITION, 'web', 'v1')?.digest).toBe(digest);
    expect(Buffer.from(t.module.catalog.getManifest(PARTITION, 'web', digest)?.bytes ?? []).toString()).toBe(
      manifest,
    );
    t.clock.now += 5000;
    t.module.catalog.recordPull(PARTITION, 'web', digest);
    const { imageDetails } = await t.call('DescribeImages', { repositoryName: 'web' });
    expect(imageDetails[0].lastRecordedPullTime).toBe(t.clock.now / 1000);
    const config = t.blobs.add('{}');
    const referrer = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.example.sbom',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', ...config },
      layers: [],
      subject: {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest,
        size: manifest.length,
      },
    });
    const push = {
      reference: digestOf(referrer),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      bytes: Buffer.from(referrer),
    };
    await t.module.catalog.putManifest(PARTITION, 'web', push);
    expect(t.module.catalog.referrers(PARTITION, 'web', digest)).toEqual([
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: digestOf(referrer),
        size: referrer.length,
        artifactType: 'application/vnd.example.sbom',
      },
    ]);
    const { referrers } = await t.call('ListImageReferrers', {
      repositoryName: 'web',
      subjectId: { imageDigest: digest },
      filter: { artifactTypes: ['application/vnd.example.sbom'] },
    });
    expect(referrers).toEqual([
      expect.objectContaining({ digest: digestOf(referrer), artifactStatus: 'ACTIVE' }),
    ]);
    expect(t.module.catalog.listTags(PARTITION, 'web')).toEqual(['v1']);
    expect(t.module.catalog.hasBlob(PARTITION, 'web', digestOf('a'))).toBe(true);
    t.module.catalog.deleteManifest(PARTITION, 'web', digest);
    expect(t.module.catalog.getManifest(PARTITION, 'web', 'v1')).toBeUndefined();
  });

  it('takes a push whose Content-Type is generic or carries parameters, and refuses schema 1', async () => {
    const t = await withRepo();
    const bytes = Buffer.from(t.manifest(['a']));
    for (const mediaType of [
      'application/json',
      'application/vnd.docker.distribution.manifest.v2+json; charset=utf-8',
    ]) {
      expect(
        await t.module.catalog.putManifest(PARTITION, 'web', { reference: 'v1', mediaType, bytes }),
      ).toEqual({
        digest: digestOf(bytes),
      });
    }
    const v1 = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'web', tag: 'old', fsLayers: [] }));
    await expect(
      t.module.catalog.putManifest(PARTITION, 'web', {
        reference: 'old',
        mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
        bytes: v1,
      }),
    ).rejects.toMatchObject({ code: 'UnsupportedImageTypeException' });
    await expect(
      t.module.catalog.putManifest(PARTITION, 'nope', { reference: 'v1', mediaType: '', bytes }),
    ).rejects.toMatchObject({ code: 'RepositoryNotFoundException' });
  });

  it('reports a requested scan as FAILED: Berth has no scanner', async () => {
    const t = await withRepo();
    await t.put('web', t.manifest(['a']), 'v1');
    expect(
      await t.errorOf('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } }),
    ).toMatch(/^ScanNotFoundException/);
    const started = await t.call('StartImageScan', { repositoryName: 'web', imageId: { imageTag: 'v1' } });
    expect(started.imageScanStatus).toEqual({
      status: 'FAILED',
      description: 'Berth has no image scanner configured',
    });
    const findings = await t.call('DescribeImageScanFindings', {
      repositoryName: 'web',
      imageId: { imageTag: 'v1' },
    });
    expect(findings.imageScanStatus.status).toBe('FAILED');
    expect(findings.imageScanFindings).toBeUndefined();
  });
});
