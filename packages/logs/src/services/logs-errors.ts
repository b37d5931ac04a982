/**
 * CloudWatch Logs' errors, with the codes of LOGS_MODEL's exception shapes (all HTTP 400) and the
 * messages CloudWatch Logs answers with.
 */
import { ApiError } from '@berth/core';

export const invalidParameter = (message: string): ApiError =>
  new ApiError('InvalidParameterException', message, 400);

/** The message of AWS's generic constraint check, as CloudWatch Logs words it. */
export const constraintError = (value: unknown, member: string, constraint: string): ApiError =>
  invalidParameter(
    `1 validation error detected: Value '${typeof value === 'string' ? value : JSON.stringify(value)}' ` +
      `at '${member}' failed to satisfy constraint: ${constraint}`,
  );

export const logGroupNotFound = (): ApiError =>
  new ApiError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
export const logStreamNotFound = (): ApiError =>
  new ApiError('ResourceNotFoundException', 'The specified log stream does not exist.', 400);
export const logGroupExists = (): ApiError =>
  new ApiError('ResourceAlreadyExistsException', 'The specified log group already exists.', 400);
export const logStreamExists = (): ApiError =>
  new ApiError('ResourceAlreadyExistsException', 'The specified log stream already exists.', 400);
export const filterNotFound = (): ApiError =>
  new ApiError('ResourceNotFoundException', 'The specified resource does not exist.', 400);
export const resourceLimitExceeded = (): ApiError =>
  new ApiError('LimitExceededException', 'Resource limit exceeded.', 400);
export const invalidNextToken = (): ApiError => invalidParameter('The specified nextToken is invalid.');
export const tooManyTags = (arn: string): ApiError =>
  new ApiError('TooManyTagsException', `A resource can have no more than 50 tags.`, 400, {
    resourceName: arn,
  });

/** What Berth does not do, said plainly: `Berth does not support <what>: <why>.` */
export const notSupported = (what: string, why: string): ApiError =>
  new ApiError('InvalidOperationException', `Berth does not support ${what}: ${why}.`, 400);
