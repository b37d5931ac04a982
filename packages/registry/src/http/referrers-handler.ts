import { isSha256Digest } from '../blobs/blob-store-error.js';
import { OCI_IMAGE_INDEX } from '@berth/core';
import { sendJson } from './http-response.js';
import { digestInvalid, unsupported } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';

/**
 * `GET /v2/<name>/referrers/<digest>?artifactType=`: an OCI image index of the manifests whose
 * subject is the digest (an empty one when there are none), filtered by artifact type when asked.
 */
export const handleReferrers = (request: RegistryRequest, digest: string): void => {
  const { method, url, catalog, partition, name, res } = request;
  if (method !== 'GET') throw unsupported();
  if (!isSha256Digest(digest)) throw digestInvalid(`invalid digest: ${digest}`);
  const artifactType = url.searchParams.get('artifactType');
  const all = catalog.referrers(partition, name, digest);
  const manifests = artifactType === null ? all : all.filter((d) => d.artifactType === artifactType);
  sendJson(
    res,
    200,
    { schemaVersion: 2, mediaType: OCI_IMAGE_INDEX, manifests },
    {
      'Content-Type': OCI_IMAGE_INDEX,
      ...(artifactType !== null && { 'OCI-Filters-Applied': 'artifactType' }),
    },
  );
};
