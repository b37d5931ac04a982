/** IAM's member constraints (names, paths, session durations) with its ValidationError wording. */
import { constraintError } from './iam-errors.js';

const NAME = /^[\w+=,.@-]+$/;
const PATH_FULL = /^\/([\u0021-\u007E]*\/)?$/;

export const validName = (member: string, value: unknown, max: number): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw constraintError(member, value, 'Member must have length greater than or equal to 1');
  if (value.length > max)
    throw constraintError(member, value, `Member must have length less than or equal to ${max}`);
  if (!NAME.test(value))
    throw constraintError(member, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  return value;
};

export const validPath = (value: unknown, member = 'path'): string => {
  if (value === undefined) return '/';
  if (typeof value !== 'string' || value.length > 512 || !PATH_FULL.test(value))
    throw constraintError(
      member,
      value,
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
  return value;
};

export const requiredString = (member: string, value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw constraintError(member, value, 'Member must not be null');
  return value;
};

/** The last segment of an IAM ARN's resource (`role/path/name` → `name`). */
export const nameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** A decoded scalar as text ('' for anything else). */
export const textOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

/** A PathPrefix filter member (default `/`). */
export const prefixOf = (value: unknown): string => (value === undefined ? '/' : textOf(value));
