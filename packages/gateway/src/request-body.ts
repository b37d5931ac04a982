/**
 * A request body as the gateway reads it: at most 10 MiB as sent, then undone of its
 * `Content-Encoding` (gzip, which botocore applies to large CloudWatch requests) with the same
 * limit on the decompressed size. SigV4 covers the bytes as sent; codecs read the decoded ones.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

import { ApiError } from '@berth/core';

import type { ProtocolName } from './protocols/protocol-codec.js';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);

const tooLarge = (): ApiError => new ApiError('SerializationException', 'Request body is too large.', 413);

/** The body as sent, or a 413 once it passes MAX_BODY_BYTES. */
export const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Thrown by `decodeContentEncoding` for a body its encoding cannot undo. */
export class CorruptBodyError extends Error {
  constructor(readonly encoding: string) {
    super(`The request body is not valid ${encoding} data.`);
  }
}

/** The protocol's 400 for a corrupt compressed body. */
export const corruptBodyError = (error: CorruptBodyError, protocol: ProtocolName): ApiError =>
  new ApiError(
    protocol === 'awsQuery' ? 'InvalidQueryParameter' : 'SerializationException',
    error.message,
    400,
  );

const GZIP = new Set(['gzip', 'x-gzip']);

/**
 * The body without the codings of `Content-Encoding` this gateway knows (gzip; identity),
 * undone last-applied first; a coding it does not know is left in place, as before.
 */
export const decodeContentEncoding = async (
  body: Buffer,
  header: string | string[] | undefined,
): Promise<Buffer> => {
  const codings = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
  let decoded = body;
  for (const coding of codings.reverse()) {
    if (coding === 'identity') continue;
    if (!GZIP.has(coding) || decoded.length === 0) break;
    try {
      decoded = await gunzipAsync(decoded, { maxOutputLength: MAX_BODY_BYTES });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new CorruptBodyError('gzip');
    }
  }
  return decoded;
};
