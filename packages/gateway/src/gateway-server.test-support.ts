/**
 * A GatewayServer on a free loopback port with two tiny fake APIs — a query one with a small
 * hand-written model, and a JSON one that also answers rpcv2Cbor — and a SigV4-signing sender.
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import type { ServiceModel } from '@berth/wire';

import type { ApiService } from './api-service.js';
import { RootKeys, rootOnlyAuthorizer } from './auth/root-keys.js';
import { GatewayServer } from './gateway-server.js';
import { DEFAULT_CODECS } from './protocols/default-codecs.js';

export const QUERY_MODEL: ServiceModel = {
  metadata: {
    protocol: 'query',
    protocols: ['query'],
    apiVersion: '2015-12-01',
    serviceId: 'Fake Query',
    signingName: 'fakequery',
    xmlNamespace: 'http://fake.example/doc/2015-12-01/',
  },
  operations: {
    DescribeThings: {
      input: 'DescribeThingsInput',
      output: 'DescribeThingsOutput',
      resultWrapper: 'DescribeThingsResult',
      errors: [],
    },
  },
  shapes: {
    DescribeThingsInput: {
      type: 'structure',
      members: { Names: { shape: 'Names' }, Limit: { shape: 'Limit' } },
    },
    DescribeThingsOutput: { type: 'structure', members: { Things: { shape: 'Things' } } },
    Names: { type: 'list', member: { shape: 'Name' } },
    Things: { type: 'list', member: { shape: 'Thing' } },
    Thing: { type: 'structure', members: { Name: { shape: 'Name' }, CreatedTime: { shape: 'Time' } } },
    Name: { type: 'string' },
    Limit: { type: 'integer' },
    Time: { type: 'timestamp' },
  },
};

export const JSON_MODEL: ServiceModel = {
  metadata: {
    protocol: 'json',
    protocols: ['json', 'smithy-rpc-v2-cbor'],
    apiVersion: '2024-01-01',
    serviceId: 'Fake Json',
    signingName: 'fakejson',
    targetPrefix: 'FakeJson_20240101',
    jsonVersion: '1.1',
  },
  operations: { Echo: { input: 'EchoShape', output: 'EchoShape', errors: [] } },
  shapes: {
    EchoShape: {
      type: 'structure',
      members: { value: { shape: 'Text' }, at: { shape: 'Time' }, data: { shape: 'Data' } },
    },
    Text: { type: 'string' },
    Time: { type: 'timestamp' },
    Data: { type: 'blob' },
  },
};

const services: ApiService[] = [
  {
    model: QUERY_MODEL,
    operations: new Map([
      [
        'DescribeThings',
        (_ctx, input) => ({
          Things: ((input['Names'] as string[] | undefined) ?? []).map((Name) => ({
            Name,
            CreatedTime: 1796234400,
          })),
        }),
      ],
    ]),
  },
  { model: JSON_MODEL, operations: new Map([['Echo', (_ctx, input) => input]]) },
];

export const startGateway = async (): Promise<{ port: number; close: () => Promise<void> }> => {
  const gateway = new GatewayServer({
    services,
    codecs: DEFAULT_CODECS,
    authorizer: rootOnlyAuthorizer,
    authenticator: new RootKeys([
      { accessKeyId: 'AKIDGATEWAY', secretAccessKey: 'gateway-secret', accountId: '000000000000' },
    ]),
    log: () => undefined,
  });
  const port = await gateway.listen(0, '127.0.0.1');
  return { port, close: () => gateway.close() };
};

export interface SentResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

/** POSTs `body` to the gateway, signed for `service`. */
export const send = async (
  port: number,
  service: string,
  request: { path?: string; headers: Record<string, string>; body: string | Buffer },
): Promise<SentResponse> => {
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'AKIDGATEWAY', secretAccessKey: 'gateway-secret' },
    region: 'us-east-1',
    service,
    sha256: Hash.bind(null, 'sha256'),
  });
  const path = request.path ?? '/';
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path,
    query: {},
    headers: { host: `127.0.0.1:${port}`, ...request.headers },
    body: request.body,
  });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers,
    body: request.body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
};
