/**
 * Secrets Manager's errors, with the codes of its model's exception shapes and the messages it
 * answers with (HTTP 400, client fault).
 */
import { ApiError } from '@berth/core';

const error = (code: string, message: string): ApiError => new ApiError(code, message, 400);

export const secretNotFound = (): ApiError =>
  error('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
export const secretValueNotFound = (stage: string): ApiError =>
  error(
    'ResourceNotFoundException',
    `Secrets Manager can't find the specified secret value for staging label: ${stage}`,
  );
export const versionNotFound = (versionId: string): ApiError =>
  error(
    'ResourceNotFoundException',
    `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`,
  );
export const secretExists = (name: string): ApiError =>
  error('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
export const versionExists = (): ApiError =>
  error(
    'ResourceExistsException',
    "You can't modify an existing version, you can only create a new version.",
  );
export const invalidParameter = (message: string): ApiError => error('InvalidParameterException', message);
export const invalidRequest = (message: string): ApiError => error('InvalidRequestException', message);
export const markedForDeletion = (): ApiError =>
  invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
export const scheduledForDeletion = (): ApiError =>
  invalidRequest(
    "You can't create this secret because a secret with this name is already scheduled for deletion.",
  );
export const validation = (message: string): ApiError => error('ValidationException', message);
/** `1 validation error detected: Value at '<member>' failed to satisfy constraint: <rule>` */
export const constraint = (member: string, rule: string, value?: string): ApiError =>
  validation(
    `1 validation error detected: Value ${value !== undefined ? `'${value}' ` : ''}at '${member}' failed to satisfy constraint: ${rule}`,
  );
export const invalidNextToken = (): ApiError =>
  error('InvalidNextTokenException', 'The NextToken value is invalid.');
export const decryptionFailure = (): ApiError =>
  error(
    'DecryptionFailure',
    "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
  );

/** What Berth does not do, said plainly. */
export const notSupported = (what: string): ApiError => invalidRequest(`Berth does not support ${what}.`);
