import { isSha256Digest } from '../blobs/blob-store-error.js';
import { bareMediaType, parseManifest } from '@berth/core';

import { manifestDigest, manifestText } from '../manifests/manifest-digest.js';
import type { StoredManifest } from '@berth/core';
import { sendEmpty } from './http-response.js';
import { readBody } from './read-body.js';
import { digestInvalid, manifestUnknown, RegistryError, unsupported } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';

/** distribution's limit on a manifest body (4 MiB). */
export const MANIFEST_BODY_LIMIT = 4 * 1024 * 1024;

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_LIKE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:/;

/**
 * `/v2/<name>/manifests/<tag|digest>`: PUT stores the exact bytes through the catalog (ECR's
 * PutImage use case), GET/HEAD return them byte for byte when the client accepts the stored media
 * type (no conversion: otherwise MANIFEST_UNKNOWN, as ECR answers), DELETE by digest removes the
 * image.
 */
export const handleManifest = async (request: RegistryRequest, reference: string): Promise<void> => {
  const byDigest = DIGEST_LIKE.test(reference);
  if (byDigest && !isSha256Digest(reference)) throw digestInvalid(`invalid digest: ${reference}`);
  if (!byDigest && !TAG.test(reference)) {
    throw new RegistryError(400, 'TAG_INVALID', `invalid tag: ${reference}`);
  }
  switch (request.method) {
    case 'PUT':
      return putManifest(request, reference, byDigest);
    case 'GET':
    case 'HEAD':
      return getManifest(request, reference);
    case 'DELETE':
      return deleteManifest(request, reference, byDigest);
    default:
      throw unsupported();
  }
};

const putManifest = async (request: RegistryRequest, reference: string, byDigest: boolean): Promise<void> => {
  const bytes = await readBody(request.req, MANIFEST_BODY_LIMIT, 'manifest');
  const digest = manifestDigest(bytes);
  if (byDigest && digest !== reference) {
    throw digestInvalid(`the manifest's digest is ${digest}, not ${reference}`);
  }
  const parsed = parseManifest(manifestText(bytes), request.req.headers['content-type']);
  const stored = await request.catalog.putManifest(request.partition, request.name, {
    reference,
    mediaType: parsed.mediaType,
    bytes,
  });
  sendEmpty(request.res, 201, {
    Location: `/v2/${request.name}/manifests/${stored.digest}`,
    'Docker-Content-Digest': stored.digest,
    ...(parsed.subject && { 'OCI-Subject': parsed.subject.digest }),
  });
};

const getManifest = (request: RegistryRequest, reference: string): void => {
  const { catalog, partition, name, res } = request;
  const manifest = catalog.getManifest(partition, name, reference);
  if (manifest === undefined || !accepts(request.req.headers.accept, manifest))
    throw manifestUnknown(reference);
  const headers = {
    'Content-Type': manifest.mediaType,
    'Content-Length': manifest.bytes.byteLength,
    'Docker-Content-Digest': manifest.digest,
    ETag: `"${manifest.digest}"`,
  };
  if (request.method === 'HEAD') {
    sendEmpty(res, 200, headers);
    return;
  }
  catalog.recordPull(partition, name, manifest.digest);
  res.writeHead(200, headers);
  res.end(manifest.bytes);
};

const deleteManifest = (request: RegistryRequest, reference: string, byDigest: boolean): void => {
  if (!byDigest) {
    throw new RegistryError(
      400,
      'UNSUPPORTED',
      'Deleting a manifest by tag is unsupported; delete it by digest.',
    );
  }
  const { catalog, partition, name } = request;
  if (catalog.getManifest(partition, name, reference) === undefined) throw manifestUnknown(reference);
  catalog.deleteManifest(partition, name, reference);
  sendEmpty(request.res, 202);
};

/** No Accept header accepts anything; otherwise the list must name the stored type or `*\/*`. */
const accepts = (accept: string | undefined, manifest: StoredManifest): boolean => {
  if (accept === undefined || accept.trim() === '') return true;
  const types = accept.split(',').map(bareMediaType);
  return types.includes('*/*') || types.includes(manifest.mediaType);
};
