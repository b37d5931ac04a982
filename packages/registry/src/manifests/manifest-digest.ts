import { createHash } from 'node:crypto';

/** The digest of a manifest: `sha256:` + the hex sha256 of its exact bytes (never re-serialised). */
export const manifestDigest = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
