/**
 * The registry's catalog (core's RegistryCatalog port): manifest PUT, GET and DELETE, tags, referrers and blob links, over the same
 * records and use cases as the ECR API. A push of an image already there succeeds (idempotent).
 */
import type { RegistryCatalog } from '@berth/core';

import type { ImagesService } from './images-service.js';
import { isDigest } from './ecr-names.js';
import type { LayersService } from './layers-service.js';
import type { PutImage } from './put-image.js';
import { findRepository, imagesOf, resolveImage } from './repository-access.js';
import type { ServiceDeps } from './service-deps.js';
import { linkBlob } from './put-image.js';

const idOf = (reference: string): { imageDigest: string } | { imageTag: string } =>
  isDigest(reference) ? { imageDigest: reference } : { imageTag: reference };

/** The Content-Type as a manifest media type; generic types (application/json…) say nothing. */
const declaredType = (contentType: string): { mediaType?: string } => {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('application/vnd.') ? { mediaType: type } : {};
};

export const ecrRegistryCatalog = (
  deps: ServiceDeps,
  putImage: PutImage,
  images: ImagesService,
  layers: LayersService,
): RegistryCatalog => ({
  repositoryExists: (partition, name) => findRepository(deps.store, partition, name) !== undefined,
  putManifest: async (partition, name, push) => {
    const image = await putImage.putImage(
      partition,
      name,
      {
        manifestBytes: push.bytes,
        ...declaredType(push.mediaType),
        ...(isDigest(push.reference) ? { digest: push.reference } : { tag: push.reference }),
      },
      'registry',
    );
    return { digest: image.imageDigest };
  },
  getManifest: (partition, name, reference) => {
    const found = resolveImage(deps.store, partition, name, idOf(reference));
    if (!found.ok) return undefined;
    return {
      digest: found.image.imageDigest,
      mediaType: found.image.mediaType,
      bytes: Buffer.from(found.image.manifest, 'utf8'),
    };
  },
  recordPull: (partition, name, digest) => images.recordPull(partition, name, digest),
  deleteManifest: (partition, name, digest) => {
    const { failures } = images.batchDelete(partition, name, [{ imageDigest: digest }]);
    const failure = failures[0];
    if (failure !== undefined) {
      throw images.failureError(partition, name, failure);
    }
  },
  listTags: (partition, name) =>
    imagesOf(deps.store, partition, name)
      .flatMap((i) => i.tags)
      .sort(),
  referrers: (partition, name, subject) => images.referrers(partition, name, subject),
  linkBlob: (partition, name, digest) => deps.store.transact((tx) => linkBlob(tx, partition, name, digest)),
  hasBlob: (partition, name, digest) => layers.hasBlob(partition, name, digest),
});
