/** SigV4 at the front door: wrong or missing signatures get the AWS errors; regions partition resources. */
import { ECSClient, ListClustersCommand, CreateClusterCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, TEST_CREDENTIALS, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import { signedCall } from './support/signed-call.js';

let berth: BerthProcess;
beforeAll(async () => {
  berth = await startServer({ agent: false });
});
afterAll(async () => {
  await berth?.stop();
});

const client = (
  credentials: { accessKeyId: string; secretAccessKey: string },
  region = 'us-east-1',
): ECSClient => new ECSClient({ endpoint: berth.endpoint, region, credentials, maxAttempts: 1 });

describe('SigV4', () => {
  it('accepts a correctly signed request', async () => {
    const out = await client(TEST_CREDENTIALS).send(new ListClustersCommand({}));
    expect(out.clusterArns).toEqual([]);
  });

  it('rejects a wrong secret with InvalidSignatureException', async () => {
    const error = await client({ ...TEST_CREDENTIALS, secretAccessKey: 'wrong' })
      .send(new ListClustersCommand({}))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 } });
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const error = await client({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' })
      .send(new ListClustersCommand({}))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('rejects an unsigned request with MissingAuthenticationTokenException (403)', async () => {
    const response = await fetch(berth.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('answers unknown operations and malformed bodies with the protocol errors', async () => {
    const unknown = await signedCall(berth.endpoint, 'AmazonEC2ContainerServiceV20141113.NoSuchThing', '{}');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ __type: 'UnknownOperationException' });
    const malformed = await signedCall(
      berth.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListClusters',
      '{"maxResults": ',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ __type: 'SerializationException' });
  });

  it('partitions resources by region', async () => {
    await client(TEST_CREDENTIALS, 'eu-west-1').send(new CreateClusterCommand({ clusterName: 'regional' }));
    const west = await client(TEST_CREDENTIALS, 'eu-west-1').send(new ListClustersCommand({}));
    expect(west.clusterArns).toEqual(['arn:aws:ecs:eu-west-1:000000000000:cluster/regional']);
    expect(awsOk(berth.env, ['ecs', 'list-clusters']).clusterArns).toEqual([]);
  });

  it('answers operations Berth does not implement with a clear error, not a fake success', () => {
    const result = aws(berth.env, ['ecs', 'list-services-by-namespace', '--namespace', 'internal']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      '(UnsupportedFeatureException) when calling the ListServicesByNamespace operation: Berth does not support Cloud Map namespaces or Service Connect, so no service belongs to a namespace.',
    );
  });
});
