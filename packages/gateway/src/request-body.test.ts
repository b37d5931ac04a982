/** Content-Encoding handling of request bodies: gzip undone, limits kept, corrupt data named. */
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { ApiError } from '@berth/core';

import { CorruptBodyError, decodeContentEncoding, MAX_BODY_BYTES } from './request-body.js';

const text = Buffer.from('{"value":"hi"}');

describe('decodeContentEncoding', () => {
  it('leaves a body without Content-Encoding (or identity) as it is', async () => {
    expect(await decodeContentEncoding(text, undefined)).toEqual(text);
    expect(await decodeContentEncoding(text, 'identity')).toEqual(text);
  });

  it('undoes gzip, whatever its case', async () => {
    expect(await decodeContentEncoding(gzipSync(text), 'gzip')).toEqual(text);
    expect(await decodeContentEncoding(gzipSync(text), 'GZIP')).toEqual(text);
    expect(await decodeContentEncoding(gzipSync(gzipSync(text)), 'gzip, x-gzip')).toEqual(text);
  });

  it('stops at a coding it does not know, leaving what remains', async () => {
    const custom = Buffer.from('custom');
    expect(await decodeContentEncoding(gzipSync(custom), 'custom, gzip')).toEqual(custom);
    expect(await decodeContentEncoding(text, 'br')).toEqual(text);
  });

  it('takes an empty gzip body as empty', async () => {
    expect(await decodeContentEncoding(Buffer.alloc(0), 'gzip')).toEqual(Buffer.alloc(0));
  });

  it('names a corrupt gzip body', async () => {
    await expect(decodeContentEncoding(Buffer.from('not gzip'), 'gzip')).rejects.toBeInstanceOf(
      CorruptBodyError,
    );
    await expect(decodeContentEncoding(gzipSync(text).subarray(0, 12), 'gzip')).rejects.toBeInstanceOf(
      CorruptBodyError,
    );
  });

  it('applies the body limit to the decompressed size', async () => {
    const atLimit = gzipSync(Buffer.alloc(MAX_BODY_BYTES));
    expect((await decodeContentEncoding(atLimit, 'gzip')).length).toBe(MAX_BODY_BYTES);
    const bomb = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1));
    const error = await decodeContentEncoding(bomb, 'gzip').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).httpStatus).toBe(413);
  });
});
