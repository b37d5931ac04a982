/** Raw SigV4-signed calls, for what no SDK will send (unknown operations, broken bodies, a protocol of choice). */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import { TEST_CREDENTIALS, TEST_REGION } from './berth-process.js';

export interface SignedRequest {
  /** The signing name, e.g. `ecs`, `monitoring`. */
  readonly service: string;
  readonly path?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/** POSTs `request` to `endpoint`, signed for its service in the test region. */
export const signedRequest = async (endpoint: string, request: SignedRequest): Promise<Response> => {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: TEST_REGION,
    service: request.service,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path ?? '/',
    query: {},
    headers: { host: url.host, ...request.headers },
    body: request.body,
  });
  return fetch(new URL(request.path ?? '/', endpoint), {
    method: 'POST',
    headers: signed.headers,
    body: request.body,
  });
};

/** An ECS JSON 1.1 call of `target` with a raw body. */
export const signedCall = async (
  endpoint: string,
  target: string,
  body: string,
): Promise<{ status: number; body: any }> => {
  const response = await signedRequest(endpoint, {
    service: 'ecs',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });
  return { status: response.status, body: await response.json() };
};
