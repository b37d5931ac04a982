/** Image handlers: list, describe, get, delete, put, and the scan pair (Berth has no scanner). */
import { ApiError } from '@berth/core';
import type { Operation } from '@berth/gateway';
import type {
  BatchDeleteImageRequest,
  BatchGetImageRequest,
  DescribeImagesRequest,
  ImageIdentifier,
  ListImagesRequest,
  PutImageRequest,
} from '@berth/wire/ecr';

import type { ImageRecord } from '../records/ecr-records.js';
import { describeImageId } from '../services/ecr-errors.js';
import { NO_SCANNER } from '../services/images-service.js';

import type { EcrServices } from './ecr-services.js';
import { as, page, repoOf, stringOf } from './wire-request.js';

const imageOf = (
  registryId: string,
  image: ImageRecord,
  imageId: ImageIdentifier,
): Record<string, unknown> => ({
  registryId,
  repositoryName: image.repositoryName,
  imageId,
  imageManifest: image.manifest,
  imageManifestMediaType: image.mediaType,
});

const imageIdOf = (input: Record<string, unknown>): ImageIdentifier => {
  const id: unknown = input['imageId'];
  return typeof id === 'object' && id !== null ? id : {};
};

const FAILED_SCAN = { status: 'FAILED', description: NO_SCANNER } as const;

export const imageOperations = ({ images, putImage }: EcrServices): Record<string, Operation> => ({
  ListImages: (ctx, input) => {
    const r = as<ListImagesRequest>(input);
    return page(
      'imageIds',
      images.list(ctx.partition, repoOf(input), r.filter?.tagStatus, r.maxResults, r.nextToken),
    );
  },
  DescribeImages: (ctx, input) => {
    const r = as<DescribeImagesRequest>(input);
    return page(
      'imageDetails',
      images.describe(ctx.partition, repoOf(input), {
        ...(r.imageIds !== undefined ? { imageIds: r.imageIds } : {}),
        ...(r.filter?.tagStatus !== undefined ? { tagStatus: r.filter.tagStatus } : {}),
        maxResults: r.maxResults,
        nextToken: r.nextToken,
      }),
    );
  },
  BatchGetImage: (ctx, input) => {
    const r = as<BatchGetImageRequest>(input);
    const result = images.batchGet(ctx.partition, repoOf(input), r.imageIds ?? [], r.acceptedMediaTypes);
    return {
      images: result.images.map(({ image, imageId }) => imageOf(ctx.partition.accountId, image, imageId)),
      failures: result.failures,
    };
  },
  BatchDeleteImage: (ctx, input) =>
    images.batchDelete(ctx.partition, repoOf(input), as<BatchDeleteImageRequest>(input).imageIds ?? []),
  PutImage: async (ctx, input) => {
    const r = as<PutImageRequest>(input);
    const repo = repoOf(input);
    const image = await putImage.putImage(
      ctx.partition,
      repo,
      {
        manifestBytes: Buffer.from(stringOf(input, 'imageManifest'), 'utf8'),
        ...(r.imageManifestMediaType !== undefined ? { mediaType: r.imageManifestMediaType } : {}),
        ...(r.imageTag !== undefined ? { tag: r.imageTag } : {}),
        ...(r.imageDigest !== undefined ? { digest: r.imageDigest } : {}),
      },
      'api',
    );
    const imageId = {
      imageDigest: image.imageDigest,
      ...(r.imageTag !== undefined ? { imageTag: r.imageTag } : {}),
    };
    return { image: imageOf(ctx.partition.accountId, image, imageId) };
  },
  StartImageScan: (ctx, input) => {
    const repo = repoOf(input);
    const image = images.startScan(ctx.partition, repo, imageIdOf(input));
    return {
      registryId: ctx.partition.accountId,
      repositoryName: repo,
      imageId: {
        imageDigest: image.imageDigest,
        ...(image.tags[0] !== undefined ? { imageTag: image.tags[0] } : {}),
      },
      imageScanStatus: FAILED_SCAN,
    };
  },
  DescribeImageScanFindings: (ctx, input) => {
    const repo = repoOf(input);
    const id = imageIdOf(input);
    const { image, scanned } = images.scanned(ctx.partition, repo, id);
    if (!scanned) {
      throw new ApiError(
        'ScanNotFoundException',
        `Image scan does not exist for the image with '${describeImageId(id)}' in the repository with name '${repo}' in the registry with id '${ctx.partition.accountId}'`,
        400,
      );
    }
    return {
      registryId: ctx.partition.accountId,
      repositoryName: repo,
      imageId: {
        imageDigest: image.imageDigest,
        ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}),
      },
      imageScanStatus: FAILED_SCAN,
    };
  },
});
