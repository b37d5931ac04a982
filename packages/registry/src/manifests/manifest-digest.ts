import { createHash } from 'node:crypto';

import { ApiError } from '@berth/core';

/** The digest of a manifest: `sha256:` + the hex sha256 of its exact bytes (never re-serialised). */
export const manifestDigest = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A manifest's bytes as text, for parseManifest: strict UTF-8 (a manifest is JSON), else ECR's invalid JSON. */
export const manifestText = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(
      'InvalidParameterException',
      "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
    );
  }
};
