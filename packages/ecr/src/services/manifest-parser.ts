/**
 * A pushed manifest as ECR records it: core's parseManifest over the text of the exact bytes
 * (strict UTF-8), with the digest of those bytes and the text kept verbatim (never re-serialised).
 */
import { createHash } from 'node:crypto';

import { parseManifest, type ParsedManifest } from '@berth/core';

import { invalidParameter } from './ecr-errors.js';

export interface PushedManifest extends ParsedManifest {
  /** `sha256:` + the hex sha256 of the exact bytes. */
  readonly digest: string;
  /** The bytes as text, exactly as pushed (what BatchGetImage returns). */
  readonly text: string;
}

const strictUtf8 = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidParameter(
      "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
    );
  }
};

/** Parses the exact manifest bytes; `declaredMediaType` is PutImage's or the Content-Type. */
export const readManifest = (bytes: Uint8Array, declaredMediaType?: string): PushedManifest => {
  const text = strictUtf8(bytes);
  return {
    ...parseManifest(text, declaredMediaType),
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    text,
  };
};
