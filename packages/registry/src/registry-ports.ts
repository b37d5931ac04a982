/**
 * What the registry needs from the rest of Berth, and nothing more. The server wires these to
 * ECR's use cases (@berth/ecr), so an image pushed with `docker push` and one put with PutImage
 * are the same record; the registry itself keeps only bytes (blobs and upload sessions on disk).
 *
 * Failures: catalog methods throw `ApiError` with ECR's API codes (RepositoryNotFoundException,
 * ImageNotFoundException, ImageTagAlreadyExistsException, LayersNotFoundException,
 * ReferencedImagesNotFoundException, InvalidParameterException, ImageDigestDoesNotMatchException,
 * UnsupportedImageTypeException, LimitExceededException…); the registry maps each to the
 * distribution spec's error code and HTTP status (NAME_UNKNOWN, MANIFEST_UNKNOWN, TAG_INVALID,
 * MANIFEST_BLOB_UNKNOWN, MANIFEST_INVALID, DIGEST_INVALID, DENIED, TOOMANYREQUESTS…).
 */
import type { Partition } from '@berth/core';

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
