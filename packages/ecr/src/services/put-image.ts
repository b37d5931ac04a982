/**
 * The one put-image use case, behind both PutImage and the registry's manifest PUT: parse the
 * exact bytes, require every referenced blob (in the layer store) and child manifest (in the same
 * repository), apply tag mutability, then write the image, its tag and its blob links in one
 * transaction. A mutable tag that moves leaves the old image untagged (it stays).
 *
 * Blobs are touched before they are checked, so the collector's grace period covers them from
 * the check until the image record commits.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreTransaction } from '@berth/store';

import {
  blobLinkKey,
  ECR_KIND,
  repositoryScope,
  type BlobLinkRecord,
  type ImageRecord,
} from '../records/ecr-records.js';

import {
  imageAlreadyExists,
  imageDigestDoesNotMatch,
  imageTagAlreadyExists,
  layersNotFound,
  referencedImagesNotFound,
} from './ecr-errors.js';
import { requireImageTag } from './ecr-names.js';
import { readManifest, type PushedManifest } from './manifest-parser.js';
import {
  digestOfTag,
  imageByDigest,
  putImageRecord,
  putTag,
  requireRepository,
} from './repository-access.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { isTagImmutable } from './tag-mutability.js';

export interface PutImageInput {
  readonly manifestBytes: Uint8Array;
  readonly mediaType?: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** `api`: PutImage (an image already there with that tag fails); `registry`: idempotent push. */
export type PutImageMode = 'api' | 'registry';

export const linkBlob = (tx: StoreTransaction, partition: Partition, repo: string, digest: string): void => {
  const pk = partitionKey(partition);
  const record: BlobLinkRecord = { partitionKey: pk, repositoryName: repo, digest };
  tx.put(ECR_KIND.blobLink, blobLinkKey(pk, repo, digest), repositoryScope(pk, repo), record);
};

const referencedBlobs = (m: PushedManifest): string[] => {
  const blobs = m.layers.filter((l) => l.urls === undefined).map((l) => l.digest);
  return [...new Set(m.config !== undefined ? [m.config.digest, ...blobs] : blobs)];
};

export class PutImage {
  constructor(private readonly deps: ServiceDeps) {}

  async putImage(
    partition: Partition,
    repo: string,
    input: PutImageInput,
    mode: PutImageMode,
  ): Promise<ImageRecord> {
    requireRepository(this.deps.store, partition, repo);
    if (input.tag !== undefined) requireImageTag(input.tag);
    const manifest = readManifest(input.manifestBytes, input.mediaType);
    if (input.digest !== undefined && input.digest !== manifest.digest) {
      throw imageDigestDoesNotMatch(input.digest, manifest.digest);
    }
    const blobs = referencedBlobs(manifest);
    const missing: string[] = [];
    for (const digest of blobs) {
      await this.deps.blobs.touch(digest).catch(() => undefined);
      if ((await this.deps.blobs.stat(digest)) === undefined) missing.push(digest);
    }
    if (missing.length > 0) throw layersNotFound(partition, repo, missing);
    return this.deps.store.transact((tx) =>
      this.write(tx, partition, repo, manifest, blobs, input.tag, mode),
    );
  }

  private write(
    tx: StoreTransaction,
    partition: Partition,
    repo: string,
    manifest: PushedManifest,
    blobs: readonly string[],
    tag: string | undefined,
    mode: PutImageMode,
  ): ImageRecord {
    const repository = requireRepository(tx, partition, repo);
    const children = manifest.manifests.map((m) => m.digest);
    const absent = children.filter((d) => imageByDigest(tx, partition, repo, d) === undefined);
    if (absent.length > 0) throw referencedImagesNotFound(absent);
    const existing = imageByDigest(tx, partition, repo, manifest.digest);
    const current = tag !== undefined ? digestOfTag(tx, partition, repo, tag) : undefined;
    if (existing !== undefined && (tag === undefined || current === manifest.digest)) {
      if (mode === 'api') throw imageAlreadyExists(partition, repo, manifest.digest, tag);
      return existing;
    }
    if (tag !== undefined && current !== undefined && current !== manifest.digest) {
      if (isTagImmutable(repository.imageTagMutability, repository.imageTagMutabilityExclusionFilters, tag)) {
        throw imageTagAlreadyExists(repo, tag);
      }
      const previous = imageByDigest(tx, partition, repo, current);
      if (previous !== undefined) {
        putImageRecord(tx, partition, { ...previous, tags: previous.tags.filter((t) => t !== tag) });
      }
    }
    const image = existing ?? this.newImage(tx, partition, repo, manifest, blobs);
    const tags = tag !== undefined && !image.tags.includes(tag) ? [...image.tags, tag] : image.tags;
    const record: ImageRecord = { ...image, tags };
    putImageRecord(tx, partition, record);
    if (tag !== undefined) putTag(tx, partition, repo, tag, manifest.digest);
    for (const digest of blobs) linkBlob(tx, partition, repo, digest);
    return record;
  }

  private newImage(
    tx: StoreTransaction,
    partition: Partition,
    repo: string,
    m: PushedManifest,
    blobs: readonly string[],
  ): ImageRecord {
    const size =
      m.manifests.length > 0
        ? Math.max(
            0,
            ...m.manifests.map((c) => imageByDigest(tx, partition, repo, c.digest)?.imageSizeInBytes ?? 0),
          )
        : m.layers.reduce((sum, layer) => sum + layer.size, 0);
    const artifactMediaType = m.config?.mediaType;
    return {
      repositoryName: repo,
      imageDigest: m.digest,
      manifest: m.text,
      mediaType: m.mediaType,
      ...(artifactMediaType !== undefined && artifactMediaType !== '' ? { artifactMediaType } : {}),
      tags: [],
      imagePushedAt: epochSeconds(this.deps.now()),
      imageSizeInBytes: size,
      blobDigests: blobs,
      childDigests: m.manifests.map((c) => c.digest),
      ...(m.subject !== undefined ? { subjectDigest: m.subject.digest } : {}),
      ...(m.artifactType !== undefined ? { artifactType: m.artifactType } : {}),
      ...(m.annotations !== undefined ? { annotations: m.annotations } : {}),
    };
  }
}
