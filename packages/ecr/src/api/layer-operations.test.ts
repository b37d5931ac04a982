/* eslint-disable @typescript-eslint/no-unsafe-argument -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { digestOf, unitEcr, type UnitEcr } from '../test-support/ecr.test-support.js';

const withRepo = async (): Promise<UnitEcr> => {
  const t = unitEcr();
  await t.call('CreateRepository', { repositoryName: 'web' });
  return t;
};

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('the layer API', () => {
  it('uploads a layer in parts, then serves it to BatchCheckLayerAvailability and GetDownloadUrlForLayer', async () => {
    const t = await withRepo();
    const { uploadId, partSize } = await t.call('InitiateLayerUpload', { repositoryName: 'web' });
    expect(partSize).toBeGreaterThan(0);
    const part1 = await t.call('UploadLayerPart', {
      repositoryName: 'web',
      uploadId,
      partFirstByte: 0,
      partLastByte: 4,
      layerPartBlob: b64('hello'),
    });
    expect(part1).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      uploadId,
      lastByteReceived: 4,
    });
    expect(
      await t.errorOf('UploadLayerPart', {
        repositoryName: 'web',
        uploadId,
        partFirstByte: 0,
        partLastByte: 1,
        layerPartBlob: b64('xx'),
      }),
    ).toMatch(/^InvalidLayerPartException/);
    await t.call('UploadLayerPart', {
      repositoryName: 'web',
      uploadId,
      partFirstByte: 5,
      partLastByte: 10,
      layerPartBlob: b64(' world'),
    });
    const digest = digestOf('hello world');
    expect(
      await t.call('CompleteLayerUpload', { repositoryName: 'web', uploadId, layerDigests: [digest] }),
    ).toEqual({
      registryId: '123456789012',
      repositoryName: 'web',
      uploadId,
      layerDigest: digest,
    });
    const missing = `sha256:${'1'.repeat(64)}`;
    expect(
      await t.call('BatchCheckLayerAvailability', { repositoryName: 'web', layerDigests: [digest, missing] }),
    ).toEqual({
      layers: [{ layerDigest: digest, layerAvailability: 'AVAILABLE', layerSize: 11 }],
      failures: [
        { layerDigest: missing, failureCode: 'MissingLayerDigest', failureReason: 'Could not find layer' },
      ],
    });
    expect(await t.call('GetDownloadUrlForLayer', { repositoryName: 'web', layerDigest: digest })).toEqual({
      downloadUrl: `http://localhost:7471/v2/web/blobs/${digest}`,
      layerDigest: digest,
    });
    expect(
      await t.errorOf('GetDownloadUrlForLayer', { repositoryName: 'web', layerDigest: missing }),
    ).toMatch(/^LayersNotFoundException/);
  });

  it('answers ECR’s errors for bad digests, empty uploads, existing layers and unknown uploads', async () => {
    const t = await withRepo();
    const upload = async (): Promise<string> =>
      (await t.call('InitiateLayerUpload', { repositoryName: 'web' })).uploadId as string;
    const empty = await upload();
    expect(
      await t.errorOf('CompleteLayerUpload', {
        repositoryName: 'web',
        uploadId: empty,
        layerDigests: [digestOf('')],
      }),
    ).toMatch(/^EmptyUploadException/);
    const wrong = await upload();
    await t.call('UploadLayerPart', {
      repositoryName: 'web',
      uploadId: wrong,
      partFirstByte: 0,
      partLastByte: 2,
      layerPartBlob: b64('abc'),
    });
    expect(
      await t.errorOf('CompleteLayerUpload', {
        repositoryName: 'web',
        uploadId: wrong,
        layerDigests: [digestOf('xyz')],
      }),
    ).toMatch(/^InvalidLayerException/);
    t.blobs.add('abc');
    const again = await upload();
    await t.call('UploadLayerPart', {
      repositoryName: 'web',
      uploadId: again,
      partFirstByte: 0,
      partLastByte: 2,
      layerPartBlob: b64('abc'),
    });
    expect(
      await t.errorOf('CompleteLayerUpload', {
        repositoryName: 'web',
        uploadId: again,
        layerDigests: [digestOf('abc')],
      }),
    ).toMatch(/^LayerAlreadyExistsException/);
    expect(
      await t.errorOf('UploadLayerPart', {
        repositoryName: 'web',
        uploadId: 'nope',
        partFirstByte: 0,
        partLastByte: 0,
        layerPartBlob: b64('a'),
      }),
    ).toBe(
      "UploadNotFoundException: Upload with id 'nope' does not exist in the repository with name 'web' in the registry with id '123456789012'",
    );
    await t.call('CreateRepository', { repositoryName: 'other' });
    const foreign = await upload();
    expect(
      await t.errorOf('UploadLayerPart', {
        repositoryName: 'other',
        uploadId: foreign,
        partFirstByte: 0,
        partLastByte: 0,
        layerPartBlob: b64('a'),
      }),
    ).toMatch(/^UploadNotFoundException/);
  });
});

describe('GetAuthorizationToken', () => {
  it('mints a 12-hour token for docker login that the registry authenticator accepts', async () => {
    const t = unitEcr();
    const { authorizationData } = await t.call('GetAuthorizationToken', {});
    const [data] = authorizationData;
    expect(data.expiresAt).toBe(Math.floor(t.clock.now / 1000) + 12 * 3600);
    expect(data.proxyEndpoint).toBe('http://localhost:7471');
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString();
    expect(decoded.startsWith('AWS:')).toBe(true);
    expect(t.module.authenticator.verifyPassword(decoded.slice(4))).toEqual({
      ok: true,
      partition: { accountId: '123456789012', region: 'us-east-1' },
    });
  });
});
