/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read as the JSON a client sees */
import { describe, expect, it } from 'vitest';

import { awsJson1_1 } from '@berth/gateway';
import { ECR_MODEL } from '@berth/wire/ecr';

import { CTX, digestOf, unitEcr } from '../test-support/ecr.test-support.js';

/** Runs one operation as the gateway would: JSON body in, JSON body out. */
const viaCodec = async (t: ReturnType<typeof unitEcr>, operation: string, body: object): Promise<any> => {
  const input = awsJson1_1.decodeInput(Buffer.from(JSON.stringify(body)), operation, ECR_MODEL);
  const op = t.module.api.operations.get(operation);
  if (!op) throw new Error(operation);
  const encoded = awsJson1_1.encodeOutput(await op(CTX, input), operation, ECR_MODEL, 'req');
  return JSON.parse(String(encoded.body));
};

describe('ECR over awsJson1_1', () => {
  it('takes layer parts as base64 and answers timestamps as epoch seconds', async () => {
    const t = unitEcr();
    await viaCodec(t, 'CreateRepository', { repositoryName: 'web' });
    const { uploadId } = await viaCodec(t, 'InitiateLayerUpload', { repositoryName: 'web' });
    const layerPartBlob = Buffer.from('bytes').toString('base64');
    await viaCodec(t, 'UploadLayerPart', {
      repositoryName: 'web',
      uploadId,
      partFirstByte: 0,
      partLastByte: 4,
      layerPartBlob,
    });
    await viaCodec(t, 'CompleteLayerUpload', {
      repositoryName: 'web',
      uploadId,
      layerDigests: [digestOf('bytes')],
    });
    expect(t.blobs.blobs.get(digestOf('bytes'))?.bytes.toString()).toBe('bytes');
    await t.put('web', t.manifest(['l']), 'v1');
    const { imageDetails } = await viaCodec(t, 'DescribeImages', { repositoryName: 'web' });
    expect(imageDetails[0].imagePushedAt).toBe(t.clock.now / 1000);
    const { authorizationData } = await viaCodec(t, 'GetAuthorizationToken', {});
    expect(typeof authorizationData[0].expiresAt).toBe('number');
  });
});
