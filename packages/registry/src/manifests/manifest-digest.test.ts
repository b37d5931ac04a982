import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { manifestDigest, manifestText } from './manifest-digest.js';

const bytes = (text: string): Uint8Array => Buffer.from(text);

describe('manifestDigest', () => {
  it('is sha256 of the exact bytes, so whitespace changes the digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (data) => {
        expect(manifestDigest(data)).toBe(`sha256:${createHash('sha256').update(data).digest('hex')}`);
      }),
    );
    expect(manifestDigest(bytes('{"a":1}'))).not.toBe(manifestDigest(bytes('{"a": 1}')));
    expect(manifestDigest(new Uint8Array(0))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('manifestText', () => {
  it('is the exact text of UTF-8 bytes, and refuses bytes that are not UTF-8 as invalid JSON', () => {
    expect(manifestText(bytes('{ "a": "é" }\n'))).toBe('{ "a": "é" }\n');
    expect(() => manifestText(Uint8Array.from([0x7b, 0xff, 0x7d]))).toThrow(/Invalid JSON syntax/);
  });
});
