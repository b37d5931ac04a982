/**
 * Reading and deleting images: ListImages, DescribeImages, BatchGetImage, BatchDeleteImage, and
 * the catalog's pulls. Deleting by tag removes the tag, and the image goes with its last tag
 * unless an index in the repository lists it; deleting by digest removes the image and its tags,
 * except an image a manifest list references (failure ImageReferencedByManifestList).
 */
import { ApiError, type Partition } from '@berth/core';
import type { StoreTransaction } from '@berth/store';
import type { ImageDetail, ImageFailure, ImageIdentifier, ImageReferrer, TagStatus } from '@berth/wire/ecr';

import type { ImageRecord } from '../records/ecr-records.js';

import { imageNotFound } from './ecr-errors.js';
import { paginate, type Page } from './pagination.js';
import {
  deleteImage,
  deleteTag,
  imagesOf,
  parentsOf,
  putImageRecord,
  requireRepository,
  resolveImage,
} from './repository-access.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

const FAILURE_REASON = {
  ImageNotFound: 'Requested image not found',
  ImageTagDoesNotMatchDigest: 'Invalid request parameters: given tag does not map to the given digest',
  MissingDigestAndTag: 'Invalid request parameters: both tag and digest cannot be null',
} as const;

export const NO_SCANNER = 'Berth has no image scanner configured';

const byTagStatus = (status: TagStatus | undefined) => (image: ImageRecord) =>
  status === 'TAGGED' ? image.tags.length > 0 : status === 'UNTAGGED' ? image.tags.length === 0 : true;

const newestFirst = (a: ImageRecord, b: ImageRecord): number =>
  b.imagePushedAt - a.imagePushedAt || a.imageDigest.localeCompare(b.imageDigest);

export interface BatchGetResult {
  readonly images: readonly { readonly image: ImageRecord; readonly imageId: ImageIdentifier }[];
  readonly failures: readonly ImageFailure[];
}

export class ImagesService {
  constructor(private readonly deps: ServiceDeps) {}

  list(
    partition: Partition,
    repo: string,
    tagStatus: TagStatus | undefined,
    maxResults: unknown,
    nextToken: unknown,
  ): Page<ImageIdentifier> {
    requireRepository(this.deps.store, partition, repo);
    const ids = imagesOf(this.deps.store, partition, repo)
      .filter(byTagStatus(tagStatus))
      .sort(newestFirst)
      .flatMap((image): ImageIdentifier[] =>
        image.tags.length === 0
          ? [{ imageDigest: image.imageDigest }]
          : image.tags.map((imageTag) => ({ imageDigest: image.imageDigest, imageTag })),
      );
    return paginate(ids, maxResults, nextToken);
  }

  describe(
    partition: Partition,
    repo: string,
    request: {
      imageIds?: ImageIdentifier[];
      tagStatus?: TagStatus;
      maxResults?: unknown;
      nextToken?: unknown;
    },
  ): Page<ImageDetail> {
    const repository = requireRepository(this.deps.store, partition, repo);
    let images: ImageRecord[];
    if (request.imageIds !== undefined && request.imageIds.length > 0) {
      images = request.imageIds.map((id) => {
        const found = resolveImage(this.deps.store, partition, repo, id);
        if (!found.ok) throw imageNotFound(partition, repo, id);
        return found.image;
      });
    } else {
      images = imagesOf(this.deps.store, partition, repo)
        .filter(byTagStatus(request.tagStatus))
        .sort(newestFirst);
    }
    const page = paginate(images, request.maxResults, request.nextToken);
    const scanOnPush = repository.imageScanningConfiguration.scanOnPush;
    return { ...page, items: page.items.map((image) => this.detail(partition, image, scanOnPush)) };
  }

  detail(partition: Partition, image: ImageRecord, scanOnPush: boolean): ImageDetail {
    return {
      registryId: partition.accountId,
      repositoryName: image.repositoryName,
      imageDigest: image.imageDigest,
      ...(image.tags.length > 0 ? { imageTags: [...image.tags] } : {}),
      imageSizeInBytes: image.imageSizeInBytes,
      imagePushedAt: image.imagePushedAt,
      imageManifestMediaType: image.mediaType,
      ...(image.artifactMediaType !== undefined ? { artifactMediaType: image.artifactMediaType } : {}),
      ...(image.lastRecordedPullTime !== undefined
        ? { lastRecordedPullTime: image.lastRecordedPullTime }
        : {}),
      ...(image.subjectDigest !== undefined ? { subjectManifestDigest: image.subjectDigest } : {}),
      ...(image.scanRequestedAt !== undefined || scanOnPush
        ? { imageScanStatus: { status: 'FAILED', description: NO_SCANNER } }
        : {}),
      imageStatus: 'ACTIVE',
    };
  }

  batchGet(
    partition: Partition,
    repo: string,
    ids: readonly ImageIdentifier[],
    accepted: readonly string[] | undefined,
  ): BatchGetResult {
    requireRepository(this.deps.store, partition, repo);
    const images: { image: ImageRecord; imageId: ImageIdentifier }[] = [];
    const failures: ImageFailure[] = [];
    for (const imageId of ids) {
      const found = resolveImage(this.deps.store, partition, repo, imageId);
      if (!found.ok) {
        failures.push({
          imageId,
          failureCode: found.failureCode,
          failureReason: FAILURE_REASON[found.failureCode],
        });
      } else if (accepted !== undefined && accepted.length > 0 && !accepted.includes(found.image.mediaType)) {
        failures.push({
          imageId,
          failureCode: 'ImageNotFound',
          failureReason: `Requested image's manifest media type '${found.image.mediaType}' is not among the accepted media types (Berth does not convert manifests)`,
        });
      } else {
        images.push({ image: found.image, imageId: { ...imageId, imageDigest: found.image.imageDigest } });
      }
    }
    return { images, failures };
  }

  batchDelete(
    partition: Partition,
    repo: string,
    ids: readonly ImageIdentifier[],
  ): { imageIds: ImageIdentifier[]; failures: ImageFailure[] } {
    return this.deps.store.transact((tx) => {
      requireRepository(tx, partition, repo);
      const imageIds: ImageIdentifier[] = [];
      const failures: ImageFailure[] = [];
      for (const imageId of ids) {
        const failure = this.deleteOne(tx, partition, repo, imageId, imageIds);
        if (failure !== undefined) failures.push(failure);
      }
      return { imageIds, failures };
    });
  }

  /** Deletes one image id in `tx`; returns its failure, or pushes what went to `deleted`. */
  deleteOne(
    tx: StoreTransaction,
    partition: Partition,
    repo: string,
    imageId: ImageIdentifier,
    deleted: ImageIdentifier[],
  ): ImageFailure | undefined {
    const found = resolveImage(tx, partition, repo, imageId);
    if (!found.ok)
      return { imageId, failureCode: found.failureCode, failureReason: FAILURE_REASON[found.failureCode] };
    const image = found.image;
    const parents = parentsOf(tx, partition, repo, image.imageDigest);
    if (imageId.imageTag !== undefined) {
      const rest = image.tags.filter((t) => t !== imageId.imageTag);
      deleteTag(tx, partition, repo, imageId.imageTag);
      if (rest.length === 0 && parents.length === 0) deleteImage(tx, partition, image);
      else putImageRecord(tx, partition, { ...image, tags: rest });
      deleted.push({ imageDigest: image.imageDigest, imageTag: imageId.imageTag });
      return undefined;
    }
    if (parents.length > 0) {
      return {
        imageId,
        failureCode: 'ImageReferencedByManifestList',
        failureReason: `Requested image referenced by manifest list: [${parents.join(', ')}]`,
      };
    }
    deleteImage(tx, partition, image);
    if (image.tags.length === 0) deleted.push({ imageDigest: image.imageDigest });
    for (const imageTag of image.tags) deleted.push({ imageDigest: image.imageDigest, imageTag });
    return undefined;
  }

  recordPull(partition: Partition, repo: string, digest: string): void {
    this.deps.store.transact((tx) => {
      const found = resolveImage(tx, partition, repo, { imageDigest: digest });
      if (found.ok)
        putImageRecord(tx, partition, {
          ...found.image,
          lastRecordedPullTime: epochSeconds(this.deps.now()),
        });
    });
  }

  /** StartImageScan: records the request; Berth has no scanner, so the scan reads FAILED. */
  startScan(partition: Partition, repo: string, imageId: ImageIdentifier): ImageRecord {
    return this.deps.store.transact((tx) => {
      requireRepository(tx, partition, repo);
      const found = resolveImage(tx, partition, repo, imageId);
      if (!found.ok) throw imageNotFound(partition, repo, imageId);
      const image = { ...found.image, scanRequestedAt: epochSeconds(this.deps.now()) };
      putImageRecord(tx, partition, image);
      return image;
    });
  }

  /** The ApiError a BatchDeleteImage failure stands for (the registry's DELETE throws it). */
  failureError(partition: Partition, repo: string, failure: ImageFailure): ApiError {
    if (failure.failureCode === 'ImageReferencedByManifestList') {
      return new ApiError(
        'InvalidParameterException',
        failure.failureReason ?? 'Requested image referenced by manifest list',
        400,
      );
    }
    return imageNotFound(partition, repo, failure.imageId ?? {});
  }

  /** Manifests in the repository whose `subject` is the digest (OCI 1.1 referrers). */
  referrers(partition: Partition, repo: string, subject: string): ImageReferrer[] {
    requireRepository(this.deps.store, partition, repo);
    return imagesOf(this.deps.store, partition, repo)
      .filter((i) => i.subjectDigest === subject)
      .sort(newestFirst)
      .map((i) => {
        // OCI: a referrer's artifactType is its own, else its config's media type.
        const artifactType = i.artifactType ?? i.artifactMediaType;
        return {
          mediaType: i.mediaType,
          digest: i.imageDigest,
          size: Buffer.byteLength(i.manifest, 'utf8'),
          ...(artifactType !== undefined ? { artifactType } : {}),
          ...(i.annotations !== undefined ? { annotations: { ...i.annotations } } : {}),
        };
      });
  }

  /** The image, and whether a scan of it was asked for (StartImageScan, or scan on push). */
  scanned(
    partition: Partition,
    repo: string,
    imageId: ImageIdentifier,
  ): { image: ImageRecord; scanned: boolean } {
    const repository = requireRepository(this.deps.store, partition, repo);
    const found = resolveImage(this.deps.store, partition, repo, imageId);
    if (!found.ok) throw imageNotFound(partition, repo, imageId);
    const scanned =
      found.image.scanRequestedAt !== undefined || repository.imageScanningConfiguration.scanOnPush;
    return { image: found.image, scanned };
  }
}
