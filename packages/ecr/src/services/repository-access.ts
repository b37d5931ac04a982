/**
 * Reads and writes shared by ECR's use cases inside one store transaction: the repository (or
 * RepositoryNotFoundException), resolving an image id by tag or digest, and deleting an image
 * with its tags, the one delete BatchDeleteImage, the registry's DELETE and lifecycle expiry use.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreReader, StoreTransaction } from '@berth/store';

import {
  ECR_KIND,
  imageKey,
  repositoryKey,
  repositoryScope,
  tagKey,
  type ImageRecord,
  type ImageTagRecord,
  type RepositoryRecord,
} from '../records/ecr-records.js';

import { repositoryNotFound } from './ecr-errors.js';

export const findRepository = (
  reader: StoreReader,
  partition: Partition,
  name: string,
): RepositoryRecord | undefined =>
  reader.get<RepositoryRecord>(ECR_KIND.repository, repositoryKey(partitionKey(partition), name));

export const requireRepository = (
  reader: StoreReader,
  partition: Partition,
  name: string,
): RepositoryRecord => {
  const repository = findRepository(reader, partition, name);
  if (repository === undefined) throw repositoryNotFound(partition, name);
  return repository;
};

export const putRepository = (tx: StoreTransaction, partition: Partition, record: RepositoryRecord): void => {
  const pk = partitionKey(partition);
  tx.put(ECR_KIND.repository, repositoryKey(pk, record.repositoryName), pk, record);
};

export const imagesOf = (reader: StoreReader, partition: Partition, repo: string): ImageRecord[] =>
  reader.list<ImageRecord>(ECR_KIND.image, repositoryScope(partitionKey(partition), repo));

export const imageByDigest = (
  reader: StoreReader,
  partition: Partition,
  repo: string,
  digest: string,
): ImageRecord | undefined =>
  reader.get<ImageRecord>(ECR_KIND.image, imageKey(partitionKey(partition), repo, digest));

export const digestOfTag = (
  reader: StoreReader,
  partition: Partition,
  repo: string,
  tag: string,
): string | undefined =>
  reader.get<ImageTagRecord>(ECR_KIND.imageTag, tagKey(partitionKey(partition), repo, tag))?.imageDigest;

export type Resolved =
  | { readonly ok: true; readonly image: ImageRecord }
  | {
      readonly ok: false;
      readonly failureCode: 'ImageNotFound' | 'ImageTagDoesNotMatchDigest' | 'MissingDigestAndTag';
    };

/** The image an ECR image id names (tag, digest, or both, which must agree). */
export const resolveImage = (
  reader: StoreReader,
  partition: Partition,
  repo: string,
  id: { readonly imageTag?: string | undefined; readonly imageDigest?: string | undefined },
): Resolved => {
  if (id.imageTag === undefined && id.imageDigest === undefined)
    return { ok: false, failureCode: 'MissingDigestAndTag' };
  const tagged = id.imageTag !== undefined ? digestOfTag(reader, partition, repo, id.imageTag) : undefined;
  if (id.imageTag !== undefined && tagged === undefined) return { ok: false, failureCode: 'ImageNotFound' };
  if (tagged !== undefined && id.imageDigest !== undefined && tagged !== id.imageDigest) {
    return { ok: false, failureCode: 'ImageTagDoesNotMatchDigest' };
  }
  const image = imageByDigest(reader, partition, repo, tagged ?? id.imageDigest ?? '');
  return image === undefined ? { ok: false, failureCode: 'ImageNotFound' } : { ok: true, image };
};

export const putImageRecord = (tx: StoreTransaction, partition: Partition, image: ImageRecord): void => {
  const pk = partitionKey(partition);
  tx.put(
    ECR_KIND.image,
    imageKey(pk, image.repositoryName, image.imageDigest),
    repositoryScope(pk, image.repositoryName),
    image,
  );
};

export const putTag = (
  tx: StoreTransaction,
  partition: Partition,
  repo: string,
  tag: string,
  digest: string,
): void => {
  const pk = partitionKey(partition);
  const record: ImageTagRecord = { tag, imageDigest: digest };
  tx.put(ECR_KIND.imageTag, tagKey(pk, repo, tag), repositoryScope(pk, repo), record);
};

export const deleteTag = (tx: StoreTransaction, partition: Partition, repo: string, tag: string): void => {
  tx.delete(ECR_KIND.imageTag, tagKey(partitionKey(partition), repo, tag));
};

/** The digests of the repository's indexes that list `digest` as a child. */
export const parentsOf = (
  reader: StoreReader,
  partition: Partition,
  repo: string,
  digest: string,
): string[] =>
  imagesOf(reader, partition, repo)
    .filter((image) => image.childDigests.includes(digest))
    .map((image) => image.imageDigest);

/** Deletes the image and every tag on it. */
export const deleteImage = (tx: StoreTransaction, partition: Partition, image: ImageRecord): void => {
  for (const tag of image.tags) deleteTag(tx, partition, image.repositoryName, tag);
  tx.delete(ECR_KIND.image, imageKey(partitionKey(partition), image.repositoryName, image.imageDigest));
};
