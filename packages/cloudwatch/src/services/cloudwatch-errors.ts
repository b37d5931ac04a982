/**
 * CloudWatch's errors: the query codes of CLOUDWATCH_MODEL's exception shapes (the codecs name the
 * shape in JSON/CBOR `__type`), all HTTP 400, and messages in CloudWatch's wording, which names
 * request members by their query path (`MetricData.member.1.Value`) whatever the protocol.
 */
import { ApiError } from '@berth/core';

export const invalidParameterValue = (message: string): ApiError =>
  new ApiError('InvalidParameterValue', message, 400);
export const missingParameter = (member: string): ApiError =>
  new ApiError('MissingParameter', `The parameter ${member} is required.`, 400);
export const invalidParameterCombination = (message: string): ApiError =>
  new ApiError('InvalidParameterCombination', message, 400);
export const invalidNextToken = (): ApiError =>
  new ApiError('InvalidNextToken', 'The NextToken is invalid.', 400);

/** `The value X for parameter P is invalid.` */
export const invalidValue = (value: unknown, member: string): ApiError =>
  invalidParameterValue(`The value ${String(value)} for parameter ${member} is invalid.`);

/** `The collection C must not have a size greater than N.` */
export const tooMany = (member: string, max: number): ApiError =>
  invalidParameterValue(`The collection ${member} must not have a size greater than ${max}.`);

export const mutuallyExclusive = (a: string, b: string): ApiError =>
  invalidParameterCombination(
    `The parameters ${a} and ${b} are mutually exclusive and you have specified both.`,
  );

/** What an operation Berth has not built answers: the action is not valid here, and why. */
export const notImplemented = (operation: string, what: string): ApiError =>
  new ApiError(
    'InvalidAction',
    `Berth does not implement ${operation} (${what}) yet: its CloudWatch serves metrics ` +
      '(PutMetricData, GetMetricStatistics, GetMetricData, ListMetrics) and metric and composite alarms.',
    400,
  );

/** The common ValidationError CloudWatch's alarm operations answer for a bad request. */
export const validationError = (message: string): ApiError => new ApiError('ValidationError', message, 400);
export const resourceNotFound = (message: string): ApiError => new ApiError('ResourceNotFound', message, 404);
export const resourceNotFoundException = (message: string): ApiError =>
  new ApiError('ResourceNotFoundException', message, 404);
export const limitExceeded = (message: string): ApiError => new ApiError('LimitExceeded', message, 400);
export const invalidFormat = (message: string): ApiError => new ApiError('InvalidFormat', message, 400);
