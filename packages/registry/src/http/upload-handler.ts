import { partitionKey } from '@berth/core';

import { isSha256Digest, isUploadId } from '../blobs/blob-store-error.js';
import { sendEmpty } from './http-response.js';
import { digestInvalid, RegistryError, unsupported, uploadUnknown } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';

/**
 * `POST /v2/<name>/blobs/uploads/`: a new resumable session (202), a monolithic upload
 * (`?digest=`, 201) or a cross-repository mount (`?mount=&from=`, 201 when `from` may serve the
 * blob, else a new session as the spec says).
 */
export const handleUploadStart = async (request: RegistryRequest): Promise<void> => {
  const { method, url, blobs, catalog, partition, name } = request;
  if (method !== 'POST') throw unsupported();
  const mount = url.searchParams.get('mount');
  const from = url.searchParams.get('from');
  if (mount !== null && from !== null && isSha256Digest(mount)) {
    const mountable =
      catalog.repositoryExists(partition, from) &&
      catalog.hasBlob(partition, from, mount) &&
      (await blobs.stat(mount)) !== undefined;
    if (mountable) {
      request.req.resume();
      catalog.linkBlob(partition, name, mount);
      await blobs.touch(mount);
      blobCreated(request, mount);
      return;
    }
  }
  const uploadId = await blobs.startUpload({ partitionKey: partitionKey(partition), repositoryName: name });
  const digest = mount === null ? url.searchParams.get('digest') : null;
  if (digest === null) {
    request.req.resume();
    sendEmpty(request.res, 202, sessionHeaders(name, uploadId, 0));
    return;
  }
  await finish(request, uploadId, digest, 0);
};

/**
 * `/v2/<name>/blobs/uploads/<uuid>`: PATCH appends a chunk at the session's offset (416 when a
 * `Content-Range` starts elsewhere), GET reports the offset, PUT `?digest=` appends an optional
 * last chunk and completes, DELETE cancels. Another repository's session is unknown here.
 */
export const handleUpload = async (request: RegistryRequest, uploadId: string): Promise<void> => {
  const { method, url, blobs, res, name } = request;
  if (!['GET', 'PATCH', 'PUT', 'DELETE'].includes(method)) throw unsupported();
  const offset = await ownedOffset(request, uploadId);
  if (method === 'GET') {
    sendEmpty(res, 204, sessionHeaders(name, uploadId, offset));
    return;
  }
  if (method === 'DELETE') {
    request.req.resume();
    await blobs.cancelUpload(uploadId);
    sendEmpty(res, 204);
    return;
  }
  checkContentRange(request, uploadId, offset);
  if (method === 'PATCH') {
    const length = await blobs.appendUploadStream(uploadId, offset, request.req);
    sendEmpty(res, 202, sessionHeaders(name, uploadId, length));
    return;
  }
  const digest = url.searchParams.get('digest');
  if (digest === null) {
    request.req.resume();
    throw digestInvalid('a digest query parameter is required to complete an upload');
  }
  await finish(request, uploadId, digest, offset);
};

/** Appends the request body (if any) and completes the session under `digest`; 201 on success. */
const finish = async (
  request: RegistryRequest,
  uploadId: string,
  digest: string,
  offset: number,
): Promise<void> => {
  const { blobs, catalog, partition, name } = request;
  if (!isSha256Digest(digest)) {
    request.req.resume();
    await blobs.cancelUpload(uploadId);
    throw digestInvalid(`invalid digest: ${digest}`);
  }
  await blobs.appendUploadStream(uploadId, offset, request.req);
  await blobs.completeUpload(uploadId, digest);
  catalog.linkBlob(partition, name, digest);
  blobCreated(request, digest);
};

const blobCreated = (request: RegistryRequest, digest: string): void =>
  sendEmpty(request.res, 201, {
    Location: `/v2/${request.name}/blobs/${digest}`,
    'Docker-Content-Digest': digest,
  });

const ownedOffset = async (request: RegistryRequest, uploadId: string): Promise<number> => {
  const status = isUploadId(uploadId) ? await request.blobs.uploadStatus(uploadId) : undefined;
  const owned =
    status !== undefined &&
    status.owner.partitionKey === partitionKey(request.partition) &&
    status.owner.repositoryName === request.name;
  if (!owned) {
    request.req.resume();
    throw uploadUnknown();
  }
  return status.offset;
};

/** A chunk's `Content-Range: <start>-<end>` must start at the session's current length. */
const checkContentRange = (request: RegistryRequest, uploadId: string, offset: number): void => {
  const header = request.req.headers['content-range'];
  if (header === undefined) return;
  const match = /^(?:bytes[ =])?(\d+)-(\d+)(?:\/\d+|\/\*)?$/.exec(header.trim());
  if (match !== null && Number(match[1]) === offset) return;
  request.req.resume();
  throw new RegistryError(
    416,
    'BLOB_UPLOAD_INVALID',
    `the chunk must start at byte ${offset} (Content-Range: ${header})`,
    undefined,
    sessionHeaders(request.name, uploadId, offset),
  );
};

/** Location, Range (`0-<last byte>`, `0-0` when empty, as distribution writes it) and the session id. */
const sessionHeaders = (name: string, uploadId: string, length: number): Record<string, string> => ({
  Location: `/v2/${name}/blobs/uploads/${uploadId}`,
  Range: `0-${Math.max(0, length - 1)}`,
  'Docker-Upload-UUID': uploadId,
});
