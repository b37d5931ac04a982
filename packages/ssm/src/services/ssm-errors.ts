/**
 * Parameter Store's errors: the codes of the SSM model's exception shapes (HTTP 400) with the
 * messages Systems Manager answers with.
 */
import { ApiError } from '@berth/core';

const error = (code: string, message: string): ApiError => new ApiError(code, message, 400);

/** Systems Manager answers ParameterNotFound with an empty message. */
export const parameterNotFound = (): ApiError => error('ParameterNotFound', '');
export const parameterVersionNotFound = (name: string, version: number | string): ApiError =>
  error(
    'ParameterVersionNotFound',
    `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`,
  );
export const parameterAlreadyExists = (): ApiError =>
  error(
    'ParameterAlreadyExists',
    'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
  );
export const validation = (message: string): ApiError => error('ValidationException', message);
/** `1 validation error detected: Value '<value>' at '<member>' failed to satisfy constraint: <rule>` */
const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? `'${String(value)}'`
    : value === undefined
      ? 'null'
      : `'${JSON.stringify(value)}'`;
export const constraint = (member: string, rule: string, value?: unknown): ApiError =>
  validation(
    `1 validation error detected: Value ${shown(value)} at '${member}' failed to satisfy constraint: ${rule}`,
  );
export const hierarchyLevelLimitExceeded = (): ApiError =>
  error(
    'HierarchyLevelLimitExceededException',
    'A hierarchy can have a maximum of 15 levels. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html',
  );
export const patternMismatch = (pattern: string): ApiError =>
  error(
    'ParameterPatternMismatchException',
    `Parameter value, cannot be validated against allowedPattern: ${pattern}`,
  );
export const invalidAllowedPattern = (): ApiError =>
  error('InvalidAllowedPatternException', 'The allowed pattern is not a valid regular expression.');
export const labelLimitExceeded = (): ApiError =>
  error(
    'ParameterVersionLabelLimitExceeded',
    'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
  );
export const maxVersionLimitExceeded = (name: string, oldest: number): ApiError =>
  error(
    'ParameterMaxVersionLimitExceeded',
    `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
  );
export const invalidNextToken = (): ApiError =>
  error('InvalidNextToken', 'The specified token is not valid.');
export const invalidFilterKey = (message: string): ApiError => error('InvalidFilterKey', message);
export const invalidFilterOption = (message: string): ApiError => error('InvalidFilterOption', message);
export const invalidFilterValue = (message: string): ApiError => error('InvalidFilterValue', message);
export const invalidResourceId = (): ApiError => error('InvalidResourceId', '');
export const invalidResourceType = (): ApiError => error('InvalidResourceType', '');
export const tooManyTags = (): ApiError =>
  error('TooManyTagsError', 'You can have a maximum of 50 tags on a resource.');

/** What Berth does not do, said plainly. */
export const notSupported = (what: string): ApiError =>
  error('UnsupportedOperationException', `Berth does not support ${what}.`);
