/** A raw SigV4-signed JSON 1.1 call, for what no SDK will send (unknown operations, broken bodies). */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import { TEST_CREDENTIALS, TEST_REGION } from './berth-process.js';

export const signedCall = async (
  endpoint: string,
  target: string,
  body: string,
): Promise<{ status: number; body: any }> => {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: TEST_REGION,
    service: 'ecs',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });
  const response = await fetch(endpoint, { method: 'POST', headers: signed.headers, body });
  return { status: response.status, body: await response.json() };
};
