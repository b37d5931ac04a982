import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';

import { ApiError } from '@berth/core';

import { verifySigV4, type SignedRequest } from './sigv4.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

const sign = async (body: string, secret = SECRET, date = new Date(NOW)): Promise<SignedRequest> => {
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret },
    region: 'ap-northeast-2',
    service: 'ecs',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 7470,
      path: '/',
      query: {},
      headers: {
        host: '127.0.0.1:7470',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'X.Y',
      },
      body,
    },
    { signingDate: date },
  );
  return { method: 'POST', path: '/', query: '', headers: signed.headers, body: Buffer.from(body) };
};

const secrets = (key: string): string | undefined => (key === 'AKIDEXAMPLE' ? SECRET : undefined);
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}/${error.httpStatus}` : String(error);
  }
};

describe('verifySigV4', () => {
  it('accepts what the AWS SDK signs and returns the scope', async () => {
    const request = await sign('{"a":1}');
    expect(verifySigV4(request, secrets, NOW)).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      date: '20261123',
      region: 'ap-northeast-2',
      service: 'ecs',
    });
  });

  it('rejects a changed body, a wrong secret, an unknown key, no header and an old signature', async () => {
    const request = await sign('{"a":1}');
    expect(codeOf(() => verifySigV4({ ...request, body: Buffer.from('{"a":2}') }, secrets, NOW))).toBe(
      'InvalidSignatureException/400',
    );
    expect(codeOf(() => verifySigV4(request, () => 'other', NOW))).toBe('InvalidSignatureException/400');
    expect(codeOf(() => verifySigV4(request, () => undefined, NOW))).toBe('UnrecognizedClientException/400');
    expect(codeOf(() => verifySigV4({ ...request, headers: {} }, secrets, NOW))).toBe(
      'MissingAuthenticationTokenException/403',
    );
    expect(codeOf(() => verifySigV4(request, secrets, NOW + 16 * 60 * 1000))).toBe(
      'InvalidSignatureException/400',
    );
    expect(
      codeOf(() =>
        verifySigV4(
          { ...request, headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 nonsense' } },
          secrets,
          NOW,
        ),
      ),
    ).toBe('IncompleteSignatureException/400');
  });
});
