import { ApiError } from '@berth/core';

import { BlobStoreError } from '../blobs/blob-store-error.js';

/** A distribution-spec error: the HTTP status and the `{"errors":[{code,message,detail}]}` entry. */
export class RegistryError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: unknown;
  /** Headers the answer carries besides the error body (e.g. a 416's `Content-Range`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    detail?: unknown,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.headers = headers;
    this.name = 'RegistryError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/** ECR's API codes (from the catalog) as the distribution errors `docker` understands. */
const FROM_API_CODE: Readonly<Record<string, readonly [number, string]>> = {
  RepositoryNotFoundException: [404, 'NAME_UNKNOWN'],
  ImageNotFoundException: [404, 'MANIFEST_UNKNOWN'],
  ImageTagAlreadyExistsException: [400, 'TAG_INVALID'],
  LayersNotFoundException: [400, 'MANIFEST_BLOB_UNKNOWN'],
  ReferencedImagesNotFoundException: [400, 'MANIFEST_BLOB_UNKNOWN'],
  ImageDigestDoesNotMatchException: [400, 'DIGEST_INVALID'],
  InvalidParameterException: [400, 'MANIFEST_INVALID'],
  UnsupportedImageTypeException: [400, 'MANIFEST_INVALID'],
  LimitExceededException: [429, 'TOOMANYREQUESTS'],
};

const FROM_STORE_CODE: Readonly<Record<string, number>> = {
  RANGE_INVALID: 416,
  DIGEST_INVALID: 400,
  UNSUPPORTED: 400,
  BLOB_UPLOAD_UNKNOWN: 404,
  BLOB_UNKNOWN: 404,
};

/** The distribution error an error stands for, or undefined for an unexpected one (a 500). */
export const toRegistryError = (error: unknown): RegistryError | undefined => {
  if (error instanceof RegistryError) return error;
  if (error instanceof ApiError) {
    const mapped = FROM_API_CODE[error.code];
    return mapped && new RegistryError(mapped[0], mapped[1], error.message, { code: error.code });
  }
  if (error instanceof BlobStoreError) {
    const status = FROM_STORE_CODE[error.code];
    return status === undefined ? undefined : new RegistryError(status, error.code, error.message);
  }
  return undefined;
};

export const nameUnknown = (name: string, accountId: string): RegistryError =>
  new RegistryError(
    404,
    'NAME_UNKNOWN',
    `The repository with name '${name}' does not exist in the registry with id '${accountId}'`,
  );
export const blobUnknown = (digest: string): RegistryError =>
  new RegistryError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', { digest });
export const uploadUnknown = (): RegistryError =>
  new RegistryError(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
export const digestInvalid = (message: string): RegistryError =>
  new RegistryError(400, 'DIGEST_INVALID', message);
export const manifestUnknown = (reference: string): RegistryError =>
  new RegistryError(404, 'MANIFEST_UNKNOWN', `Requested image not found`, { reference });
export const unsupported = (message = 'The operation is unsupported.'): RegistryError =>
  new RegistryError(405, 'UNSUPPORTED', message);
