/**
 * What ECR needs from the registry's blob store (@berth/registry's DiskBlobStore satisfies it;
 * the server passes it in). The layer API (InitiateLayerUpload…CompleteLayerUpload), manifest
 * validation and garbage collection go through this port, so they act on the same bytes as
 * `docker push` and `docker pull`.
 */

export interface BlobInfo {
  /** `sha256:<hex>`. */
  readonly digest: string;
  readonly size: number;
  /** Last write or touch, epoch ms: garbage collection spares blobs touched within its grace period. */
  readonly modifiedAt: number;
}

/** Who an upload session belongs to. */
export interface UploadOwner {
  /** `<account>/<region>`. */
  readonly partitionKey: string;
  readonly repositoryName: string;
}

export interface LayerBlobs {
  /** The blob, or undefined when the store does not hold it. */
  stat(digest: string): Promise<BlobInfo | undefined>;
  /** Marks a blob as just used (a HEAD before a push skips its upload), so collection spares it. */
  touch(digest: string): Promise<void>;
  /** Opens an upload session and returns its id (a UUID). */
  startUpload(owner: UploadOwner): Promise<string>;
  /** The session's owner and how many bytes it holds, or undefined when there is no such session. */
  uploadStatus(
    uploadId: string,
  ): Promise<{ readonly owner: UploadOwner; readonly offset: number } | undefined>;
  /**
   * Appends bytes at `offset`, which must equal the session's current length (else rejects with an
   * error whose `code` is 'RANGE_INVALID'). Resolves to the new length.
   */
  appendUpload(uploadId: string, offset: number, data: Uint8Array): Promise<number>;
  /**
   * Verifies the session's bytes hash to `digest` (else rejects with `code` 'DIGEST_INVALID') and
   * moves them into the store atomically; a blob is never visible before it is whole and verified.
   */
  completeUpload(uploadId: string, digest: string): Promise<BlobInfo>;
  cancelUpload(uploadId: string): Promise<void>;
  /** Every blob in the store. */
  list(): AsyncIterable<BlobInfo>;
  /**
   * Deletes the blob only if it was not written or touched at or after `notTouchedSince` (epoch
   * ms), atomically with respect to touch and completeUpload. Resolves to whether it deleted it.
   */
  deleteIfUntouchedSince(digest: string, notTouchedSince: number): Promise<boolean>;
  /** Upload sessions older than the cutoff are abandoned: removed. Resolves to how many. */
  removeUploadsStartedBefore(cutoff: number): Promise<number>;
}
