/** STS's errors, with its codes, statuses and messages. */
import { ApiError } from '@berth/core';

export const validationError = (message: string): ApiError => new ApiError('ValidationError', message, 400);

export const constraintError = (member: string, value: unknown, constraint: string): ApiError =>
  validationError(
    `1 validation error detected: Value '${typeof value === 'string' || typeof value === 'number' ? value : ''}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );

export const assumeRoleDenied = (callerArn: string, roleArn: string): ApiError =>
  new ApiError(
    'AccessDenied',
    `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );

export const notSupported = (operation: string, what: string): ApiError =>
  new ApiError(
    'ValidationError',
    `Berth does not support ${operation}: ${what} are not implemented; Berth's STS answers GetCallerIdentity and AssumeRole.`,
    400,
  );

export const expiredToken = (protocol: 'json' | 'query'): ApiError =>
  protocol === 'json'
    ? new ApiError('ExpiredTokenException', 'The security token included in the request is expired', 400)
    : new ApiError('ExpiredToken', 'The security token included in the request is expired', 403);

export const invalidToken = (protocol: 'json' | 'query'): ApiError =>
  protocol === 'json'
    ? new ApiError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        400,
      )
    : new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
