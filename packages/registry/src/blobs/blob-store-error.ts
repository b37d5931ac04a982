/** Why a blob store call failed; the HTTP layer maps `code` to the distribution spec's error. */
export type BlobStoreErrorCode =
  'RANGE_INVALID' | 'DIGEST_INVALID' | 'UNSUPPORTED' | 'BLOB_UPLOAD_UNKNOWN' | 'BLOB_UNKNOWN';

/** An error whose `code` names the distribution error it stands for (LayerBlobs' contract). */
export class BlobStoreError extends Error {
  readonly code: BlobStoreErrorCode;

  constructor(code: BlobStoreErrorCode, message: string) {
    super(message);
    this.name = 'BlobStoreError';
    this.code = code;
  }
}

const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const ANY_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `digest` is `sha256:<64 lowercase hex>`, the only form the store holds. */
export const isSha256Digest = (digest: string): boolean => SHA256_DIGEST.test(digest);

/**
 * The hex of a `sha256:` digest. A well-formed digest of another algorithm is UNSUPPORTED; anything
 * else is DIGEST_INVALID.
 */
export const sha256Hex = (digest: string): string => {
  if (isSha256Digest(digest)) return digest.slice('sha256:'.length);
  if (ANY_DIGEST.test(digest) && !digest.startsWith('sha256:')) {
    throw new BlobStoreError('UNSUPPORTED', `digest algorithm not supported: ${digest}`);
  }
  throw new BlobStoreError('DIGEST_INVALID', `invalid digest: ${digest}`);
};

/** Whether `id` is an upload session id the store could have minted (a lowercase UUID). */
export const isUploadId = (id: string): boolean => UPLOAD_ID.test(id);
