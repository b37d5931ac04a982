/**
 * @berth/ecr — the Amazon ECR API (awsJson1_1) over the state store, and the catalog and
 * authenticator Berth's OCI registry (@berth/registry) runs on, so `docker push` and PutImage
 * make the same records and share one blob store (the `LayerBlobs` port).
 *
 * Invariants:
 * - An image is one record per (repository, digest); its digest is the sha256 of the exact
 *   manifest bytes, which are stored verbatim. A tag is one record per (repository, tag), on at
 *   most one image; moving a mutable tag leaves the old image untagged.
 * - Tag mutability (with exclusion filters) is enforced on every put, API or registry.
 * - Every blob an image references exists when the image is written, and the blob collector
 *   never removes a blob an image references (it reads references after listing blobs and
 *   relies on the grace period and touch-before-check for pushes in flight).
 * - Authorization tokens are HMAC-signed with a secret kept in the store: stateless to verify
 *   on every replica, 12 h lifetime.
 *
 * - Lifecycle rules mark images rule by rule and apply by rulePriority: an image is expired by
 *   at most one rule; the preview lists exactly what the controller would delete.
 *
 * Choices: BatchGetImage never converts manifests, so an image whose media type is not among
 * `acceptedMediaTypes` is a failure (ImageNotFound, with a reason saying so).
 * GetDownloadUrlForLayer's URL is the registry's blob URL, which asks for the same Basic
 * credentials as `docker pull` (GetAuthorizationToken's), unlike ECR's pre-signed S3 URLs.
 *
 * Stored, not enforced: repository policies (validated JSON), encryption settings, the registry
 * scanning configuration. Berth has no image scanner: a requested scan reads FAILED with the
 * description "Berth has no image scanner configured" and never has findings. Pull-through
 * cache, replication, signing, creation templates, archiving and account settings answer
 * ValidationException "Berth does not support …".
 */
export { createEcrModule, type EcrModule, type EcrModuleConfig } from './ecr-module.js';
export type { EcrServices } from './api/ecr-services.js';
export type { AuthorizationData } from './services/authorization-tokens.js';
export type { EcrIds, EcrLog } from './services/service-deps.js';
export type { LifecycleController } from './controllers/lifecycle-controller.js';
export type { BlobCollector, CollectionResult } from './controllers/blob-collector.js';
