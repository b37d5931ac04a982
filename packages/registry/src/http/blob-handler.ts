import { pipeline } from 'node:stream/promises';

import { isSha256Digest } from '../blobs/blob-store-error.js';
import { parseByteRange } from './byte-range.js';
import { sendEmpty } from './http-response.js';
import { blobUnknown, digestInvalid, RegistryError, unsupported } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';

/**
 * `/v2/<name>/blobs/<digest>`: HEAD and GET (with a single byte Range) of a blob the repository may
 * serve. Both touch the blob: a push HEADs a layer before skipping its upload, and garbage
 * collection spares touched blobs. ECR does not let clients DELETE blobs.
 */
export const handleBlob = async (request: RegistryRequest, digest: string): Promise<void> => {
  const { method, res, blobs, catalog, partition, name } = request;
  if (method === 'DELETE') throw unsupported('The blob deletion operation is unsupported.');
  if (method !== 'GET' && method !== 'HEAD') throw unsupported();
  if (!isSha256Digest(digest)) throw digestInvalid(`invalid digest: ${digest}`);
  const info = catalog.hasBlob(partition, name, digest) ? await blobs.stat(digest) : undefined;
  if (info === undefined) throw blobUnknown(digest);
  await blobs.touch(digest);
  const common = {
    'Docker-Content-Digest': digest,
    'Accept-Ranges': 'bytes',
    'Content-Type': 'application/octet-stream',
    ETag: `"${digest}"`,
  };
  const range = parseByteRange(request.req.headers.range, info.size);
  if (range === 'unsatisfiable') {
    throw new RegistryError(416, 'RANGE_INVALID', 'requested range not satisfiable', undefined, {
      'Content-Range': `bytes */${info.size}`,
    });
  }
  const length = range ? range.end - range.start + 1 : info.size;
  const headers = {
    ...common,
    'Content-Length': length,
    ...(range && { 'Content-Range': `bytes ${range.start}-${range.end}/${info.size}` }),
  };
  if (method === 'HEAD') {
    sendEmpty(res, range ? 206 : 200, headers);
    return;
  }
  const stream = await blobs.openRead(digest, range);
  res.writeHead(range ? 206 : 200, headers);
  await pipeline(stream, res);
};
