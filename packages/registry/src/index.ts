/**
 * @berth/registry — the OCI distribution v2 server behind ECR: `docker login` with an ECR token
 * (Basic auth, user `AWS`), push and pull of blobs and manifests (Docker v2 schema 2, manifest
 * lists, OCI manifests and indexes), resumable uploads, cross-repository mounts, tags/list and
 * OCI 1.1 referrers.
 *
 * Invariants:
 * - The registry keeps only bytes: blobs and upload sessions on disk (DiskBlobStore, which is
 *   also @berth/ecr's LayerBlobs). Repositories, images, tags and blob links belong to ECR,
 *   reached through RegistryCatalog; the partition comes from the token (RegistryAuthenticator).
 * - A blob path holds only whole, sha256-verified bytes (hash, fsync, atomic rename); a crash or a
 *   client gone mid-upload leaves at most a session, truncated back to its last whole chunk.
 * - Manifests are stored and served byte for byte; a digest is the sha256 of the exact bytes.
 * - Collection (deleteIfUntouchedSince) is atomic with touch and completeUpload per digest.
 * - Every answer carries `Docker-Distribution-Api-Version: registry/2.0`; every failure is a
 *   distribution error body (`{"errors":[…]}`), ECR's API codes mapped to the spec's codes.
 */
export type { ByteRange } from './blobs/blob-info.js';
export { BlobStoreError, type BlobStoreErrorCode } from './blobs/blob-store-error.js';
export { DiskBlobStore, type DiskBlobStoreConfig } from './blobs/disk-blob-store.js';
export { RegistryServer, type RegistryServerConfig } from './http/registry-server.js';
export { MANIFEST_BODY_LIMIT } from './http/manifest-handler.js';
export { manifestDigest } from './manifests/manifest-digest.js';
