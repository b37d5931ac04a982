import type { IncomingMessage } from 'node:http';

import { RegistryError } from './registry-error.js';

/** Reads a whole request body of at most `limit` bytes (else 413, before or while reading). */
export const readBody = async (req: IncomingMessage, limit: number, what: string): Promise<Uint8Array> => {
  const tooBig = (): RegistryError =>
    new RegistryError(413, 'MANIFEST_INVALID', `${what} exceeds the ${limit}-byte limit`, { limit });
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.byteLength;
    if (length > limit) {
      req.resume();
      throw tooBig();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};
