/** IAM's errors, with its codes, statuses and messages. */
import { ApiError } from '@berth/core';

export const noSuchEntity = (message: string): ApiError => new ApiError('NoSuchEntity', message, 404);
export const entityAlreadyExists = (message: string): ApiError =>
  new ApiError('EntityAlreadyExists', message, 409);
export const deleteConflict = (message: string): ApiError => new ApiError('DeleteConflict', message, 409);
export const limitExceeded = (message: string): ApiError => new ApiError('LimitExceeded', message, 409);
export const validationError = (message: string): ApiError => new ApiError('ValidationError', message, 400);
export const invalidInput = (message: string): ApiError => new ApiError('InvalidInput', message, 400);

export const noSuchUser = (name: string): ApiError =>
  noSuchEntity(`The user with name ${name} cannot be found.`);
export const noSuchRole = (name: string): ApiError =>
  noSuchEntity(`The role with name ${name} cannot be found.`);

/** A member that failed its constraint, as IAM words it. */
export const constraintError = (member: string, value: unknown, constraint: string): ApiError =>
  validationError(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );

export const notSupported = (operation: string, what: string): ApiError =>
  new ApiError(
    'ValidationError',
    `Berth does not support ${operation}: ${what} are not implemented; Berth's IAM has users, access keys, roles and managed and inline policies.`,
    400,
  );
