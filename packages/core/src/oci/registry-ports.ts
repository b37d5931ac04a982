/**
 * The ports between ECR (@berth/ecr: repositories, images, tokens, in the state store) and its
 * registry (@berth/registry: the OCI distribution server and its disk blob store), defined once
 * here so each side implements the other's needs by type. The server wires them: the registry's
 * DiskBlobStore is ECR's LayerBlobs (the layer API, manifest checks and collection act on the bytes
 * `docker push` wrote), and ECR's catalog and authenticator are the registry's RegistryCatalog and
 * RegistryAuthenticator (an image pushed with docker and one put with PutImage are one record).
 *
 * Failures: catalog methods throw `ApiError` with ECR's API codes (RepositoryNotFoundException,
 * ImageNotFoundException, ImageTagAlreadyExistsException, LayersNotFoundException,
 * ReferencedImagesNotFoundException, InvalidParameterException, ImageDigestDoesNotMatchException,
 * UnsupportedImageTypeException, LimitExceededException…); the registry maps each to the
 * distribution spec's error code and HTTP status (NAME_UNKNOWN, MANIFEST_UNKNOWN, TAG_INVALID,
 * MANIFEST_BLOB_UNKNOWN, MANIFEST_INVALID, DIGEST_INVALID, DENIED, TOOMANYREQUESTS…).
 */
import type { Partition } from '../partition.js';

/** Checks the password `docker login --username AWS` sends (from GetAuthorizationToken). */
export interface RegistryAuthenticator {
  verifyPassword(password: string): PasswordCheck;
}

export type PasswordCheck =
  | { readonly ok: true; readonly partition: Partition }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' }
  /** A token the caller asked for another account's registry: it grants nothing there (yet: no cross-account policies). */
  | { readonly ok: false; readonly reason: 'denied'; readonly registryId: string };

/** A manifest exactly as it was pushed: `digest` is the sha256 of `bytes`. */
export interface StoredManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** An OCI descriptor, as the referrers API lists them. */
export interface ReferrerDescriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Repositories, images and blob links, kept by ECR in the state store. */
export interface RegistryCatalog {
  /** Whether the repository exists in the partition (ECR never creates one on push). */
  repositoryExists(partition: Partition, repositoryName: string): boolean;
  /**
   * Stores a manifest PUT to `/v2/<name>/manifests/<reference>` (a tag or a digest), checking that
   * every blob and child manifest it references is present and that the tag may move (tag
   * mutability). Returns the digest. The same use case as ECR's PutImage.
   */
  putManifest(
    partition: Partition,
    repositoryName: string,
    push: { readonly reference: string; readonly mediaType: string; readonly bytes: Uint8Array },
  ): Promise<{ readonly digest: string }>;
  /** The manifest a tag or digest names, or undefined. Does not count as a pull. */
  getManifest(partition: Partition, repositoryName: string, reference: string): StoredManifest | undefined;
  /** Records a pull (a GET of a manifest) for `lastRecordedPullTime`. */
  recordPull(partition: Partition, repositoryName: string, digest: string): void;
  /** DELETE of a manifest by digest: the image and all its tags go (ECR's BatchDeleteImage). */
  deleteManifest(partition: Partition, repositoryName: string, digest: string): void;
  /** The repository's tags, sorted lexically (distribution's order for `tags/list` paging). */
  listTags(partition: Partition, repositoryName: string): readonly string[];
  /** Manifests whose `subject` is the digest (OCI 1.1 referrers). */
  referrers(
    partition: Partition,
    repositoryName: string,
    subjectDigest: string,
  ): readonly ReferrerDescriptor[];
  /** Records that a blob was uploaded to, or mounted into, a repository. */
  linkBlob(partition: Partition, repositoryName: string, digest: string): void;
  /** Whether the repository may serve the blob: linked to it, or referenced by one of its manifests. */
  hasBlob(partition: Partition, repositoryName: string, digest: string): boolean;
}

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
