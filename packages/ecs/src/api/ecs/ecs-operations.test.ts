/**
 * Every ECS operation in botocore's model is either implemented or one of the named unsupported
 * ones, which answer UnsupportedFeatureException saying why.
 */
import { spawnSync } from 'node:child_process';

import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ECS_OPERATIONS } from '@berth/wire/ecs';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import type { RequestContext } from '@berth/gateway';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';

import { ECS_TARGET_PREFIX, ecsService } from './ecs-service.js';
import { UNSUPPORTED_ECS_OPERATIONS } from './unsupported-operations.js';

const NAMED_UNSUPPORTED = [
  'CreateExpressGatewayService',
  'DeleteExpressGatewayService',
  'DescribeExpressGatewayService',
  'ExecuteCommand',
  'ListServicesByNamespace',
  'UpdateExpressGatewayService',
];

let plane: RunningControlPlane;

beforeAll(async () => {
  plane = await startUnitControlPlane();
});

afterAll(async () => {
  await plane.close();
});

/** The installed botocore model's ECS operations, or undefined when python3/botocore is absent. */
const botocoreOperations = (): string[] | undefined => {
  const result = spawnSync(
    'python3',
    [
      '-c',
      "import botocore.session; print('\\n'.join(botocore.session.get_session().get_service_model('ecs').operation_names))",
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return result.status === 0 ? result.stdout.trim().split('\n').sort() : undefined;
};

const ctx: RequestContext = {
  requestId: 'unit',
  partition: UNIT_PARTITION,
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::000000000000:root',
  identity: {
    accountId: '000000000000',
    arn: 'arn:aws:iam::000000000000:root',
    userId: '000000000000',
    kind: 'root',
  },
  endpoint: 'http://127.0.0.1/',
};

/** A request signed as the AWS SDK signs it, sent to the unit control plane. */
const call = async (
  operation: string,
  body: object,
): Promise<{ status: number; json: Record<string, unknown> }> => {
  const url = new URL(`http://127.0.0.1:${plane.port}/`);
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'AKIAUNIT', secretAccessKey: 'secret' },
    region: 'us-east-1',
    service: 'ecs',
    sha256: Hash.bind(null, 'sha256'),
  });
  const text = JSON.stringify(body);
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${ECS_TARGET_PREFIX}.${operation}`,
    },
    body: text,
  });
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body: text });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe('the ECS operations', () => {
  it('are the installed botocore model’s', () => {
    const model = botocoreOperations();
    if (model === undefined) return;
    expect([...ECS_OPERATIONS].sort()).toEqual(model);
  });

  it('are each implemented or a named unsupported one', () => {
    const service = ecsService(plane.services);
    expect(new Set(UNSUPPORTED_ECS_OPERATIONS.keys())).toEqual(new Set(NAMED_UNSUPPORTED));
    const neither = ECS_OPERATIONS.filter((op) => !service.operations.has(op));
    expect(neither, 'operations neither implemented nor named unsupported').toEqual([]);
  });

  it('answer UnsupportedFeatureException with a reason when unsupported', () => {
    const service = ecsService(plane.services);
    for (const name of NAMED_UNSUPPORTED) {
      const operation = service.operations.get(name);
      expect(apiErrorOf(() => operation?.(ctx, {}))).toMatch(
        /^UnsupportedFeatureException: Berth does not support /,
      );
    }
  });

  it('on the wire: an unsupported operation is a 400 UnsupportedFeatureException; DiscoverPollEndpoint names this server', async () => {
    const exec = await call('ExecuteCommand', { cluster: 'c', task: 't', command: 'sh', interactive: true });
    expect(exec.status).toBe(400);
    expect(exec.json).toEqual({
      __type: 'UnsupportedFeatureException',
      message: UNSUPPORTED_ECS_OPERATIONS.get('ExecuteCommand'),
    });
    const endpoint = `http://127.0.0.1:${plane.port}/`;
    expect(await call('DiscoverPollEndpoint', {})).toEqual({
      status: 200,
      json: { endpoint, telemetryEndpoint: endpoint, serviceConnectEndpoint: endpoint },
    });
  });
});
