/**
 * ECR's layer API over the registry's blob store (LayerBlobs), so layers uploaded here and with
 * `docker push` are the same bytes: InitiateLayerUpload, UploadLayerPart (parts in order, each
 * starting where the last ended), CompleteLayerUpload (verified digest; a layer already there
 * answers LayerAlreadyExistsException as ECR does), BatchCheckLayerAvailability and
 * GetDownloadUrlForLayer (a URL on Berth's registry, which asks for the same Basic credentials
 * as `docker pull`).
 */
import { partitionKey, type Partition } from '@berth/core';
import { ApiError } from '@berth/core';
import type { Layer, LayerFailure } from '@berth/wire/ecr';

import { blobLinkKey, ECR_KIND } from '../records/ecr-records.js';

import { constraint, layersNotFound, uploadNotFound } from './ecr-errors.js';
import { isDigest } from './ecr-names.js';
import { linkBlob } from './put-image.js';
import { requireRepository } from './repository-access.js';
import type { ServiceDeps } from './service-deps.js';

/** The part size InitiateLayerUpload advises (ECR's is in this range; Berth accepts any size). */
export const LAYER_PART_SIZE = 20_971_520;

const error = (code: string, message: string): ApiError => new ApiError(code, message, 400);

export class LayersService {
  constructor(private readonly deps: ServiceDeps) {}

  async initiate(partition: Partition, repo: string): Promise<{ uploadId: string; partSize: number }> {
    requireRepository(this.deps.store, partition, repo);
    const uploadId = await this.deps.blobs.startUpload({
      partitionKey: partitionKey(partition),
      repositoryName: repo,
    });
    return { uploadId, partSize: LAYER_PART_SIZE };
  }

  private async session(partition: Partition, repo: string, uploadId: string): Promise<number> {
    requireRepository(this.deps.store, partition, repo);
    const status = await this.deps.blobs.uploadStatus(uploadId);
    if (
      status === undefined ||
      status.owner.partitionKey !== partitionKey(partition) ||
      status.owner.repositoryName !== repo
    ) {
      throw uploadNotFound(partition, repo, uploadId);
    }
    return status.offset;
  }

  async uploadPart(
    partition: Partition,
    repo: string,
    uploadId: string,
    first: number,
    last: number,
    data: Uint8Array,
  ): Promise<number> {
    const offset = await this.session(partition, repo, uploadId);
    if (first !== offset || last - first + 1 !== data.length || data.length === 0) {
      throw error(
        'InvalidLayerPartException',
        `The layer part with first byte ${first} and last byte ${last} is not valid for upload '${uploadId}': the upload holds ${offset} bytes and the part has ${data.length}`,
      );
    }
    const length = await this.deps.blobs.appendUpload(uploadId, offset, data);
    return length - 1;
  }

  async complete(
    partition: Partition,
    repo: string,
    uploadId: string,
    digests: readonly string[],
  ): Promise<string> {
    const offset = await this.session(partition, repo, uploadId);
    const digest = digests[0];
    if (digests.length !== 1 || digest === undefined || !isDigest(digest)) {
      throw constraint('layerDigests', 'Member must contain exactly one sha256 digest');
    }
    if (offset === 0)
      throw error('EmptyUploadException', `The upload with id '${uploadId}' contains no layer parts`);
    if ((await this.deps.blobs.stat(digest)) !== undefined) {
      await this.deps.blobs.cancelUpload(uploadId);
      this.link(partition, repo, digest);
      throw error(
        'LayerAlreadyExistsException',
        `The layer with digest '${digest}' already exists in the repository with name '${repo}' in the registry with id '${partition.accountId}'`,
      );
    }
    try {
      await this.deps.blobs.completeUpload(uploadId, digest);
    } catch (cause) {
      if ((cause as { code?: unknown }).code === 'DIGEST_INVALID') {
        throw error(
          'InvalidLayerException',
          `The layer digest '${digest}' does not match the digest of the uploaded layer`,
        );
      }
      throw cause;
    }
    this.link(partition, repo, digest);
    return digest;
  }

  private link(partition: Partition, repo: string, digest: string): void {
    this.deps.store.transact((tx) => linkBlob(tx, partition, repo, digest));
  }

  hasBlob(partition: Partition, repo: string, digest: string): boolean {
    return (
      this.deps.store.get(ECR_KIND.blobLink, blobLinkKey(partitionKey(partition), repo, digest)) !== undefined
    );
  }

  async check(
    partition: Partition,
    repo: string,
    digests: readonly string[],
  ): Promise<{ layers: Layer[]; failures: LayerFailure[] }> {
    requireRepository(this.deps.store, partition, repo);
    const layers: Layer[] = [];
    const failures: LayerFailure[] = [];
    for (const layerDigest of digests) {
      if (!isDigest(layerDigest)) {
        failures.push({
          layerDigest,
          failureCode: 'InvalidLayerDigest',
          failureReason: 'Invalid layer digest',
        });
        continue;
      }
      const info = this.hasBlob(partition, repo, layerDigest)
        ? await this.deps.blobs.stat(layerDigest)
        : undefined;
      if (info === undefined)
        failures.push({
          layerDigest,
          failureCode: 'MissingLayerDigest',
          failureReason: 'Could not find layer',
        });
      else layers.push({ layerDigest, layerAvailability: 'AVAILABLE', layerSize: info.size });
    }
    return { layers, failures };
  }

  async downloadUrl(partition: Partition, repo: string, digest: string): Promise<string> {
    requireRepository(this.deps.store, partition, repo);
    if (!this.hasBlob(partition, repo, digest) || (await this.deps.blobs.stat(digest)) === undefined) {
      throw layersNotFound(partition, repo, [digest]);
    }
    return `http://${this.deps.registryHost()}/v2/${repo}/blobs/${digest}`;
  }
}
