/**
 * AWS Signature Version 4 verification for requests signed in the Authorization header.
 * Canonical request: method, path, sorted query, the signed headers (lower-cased, values trimmed,
 * Host including its port), and the hex SHA-256 of the body.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { ApiError } from '@berth/core';

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export interface SecretLookup {
  /** The secret for an access key id, or undefined when the key is unknown. */
  (accessKeyId: string): string | undefined;
}

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

const header = (req: SignedRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

const encode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const canonicalQuery = (query: string): string =>
  query
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [
        encode(decodeURIComponent(name.replace(/\+/g, ' '))),
        encode(decodeURIComponent(value.replace(/\+/g, ' '))),
      ];
    })
    .sort(([a = '', av = ''], [b = '', bv = '']) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

const canonicalPath = (path: string): string =>
  path
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/') || '/';

/** ISO basic format (20240101T000000Z) → epoch ms, or NaN. */
const parseAmzDate = (text: string): number => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
};

/** The service a request's credential is scoped to, read without verifying anything (for routing). */
export const credentialScopeService = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string | undefined => {
  const authorization = headers['authorization'];
  const text = Array.isArray(authorization) ? authorization[0] : authorization;
  return text ? AUTH_PATTERN.exec(text)?.[4] : undefined;
};

/**
 * Verifies a request's signature and returns its credential scope, or throws the AWS error a
 * real endpoint answers with.
 */
export const verifySigV4 = (req: SignedRequest, secretFor: SecretLookup, nowMs: number): CredentialScope => {
  const authorization = header(req, 'authorization');
  if (!authorization) {
    throw new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  }
  const match = AUTH_PATTERN.exec(authorization);
  if (!match) {
    throw new ApiError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization}`,
      400,
    );
  }
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaderList = '', signature = ''] =
    match;
  const secret = secretFor(accessKeyId);
  if (secret === undefined) {
    throw new ApiError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      400,
    );
  }
  const amzDate = header(req, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) {
    throw new ApiError(
      'IncompleteSignatureException',
      "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.",
      400,
    );
  }
  if (Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw new ApiError(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than the allowed window.`,
      400,
    );
  }
  const signedHeaders = signedHeaderList.split(';');
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${(header(req, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const payloadHash = header(req, 'x-amz-content-sha256') ?? sha256Hex(req.body);
  const canonicalRequest = [
    req.method,
    canonicalPath(req.path),
    canonicalQuery(req.query),
    canonicalHeaders,
    signedHeaderList,
    payloadHash === 'UNSIGNED-PAYLOAD' ? payloadHash : sha256Hex(req.body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      400,
    );
  }
  return { accessKeyId, date, region, service };
};
