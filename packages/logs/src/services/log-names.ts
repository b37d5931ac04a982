/** The checks CloudWatch Logs makes on names, limits and the group a request names. */
import { constraintError, invalidParameter } from './logs-errors.js';

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const STREAM_NAME = /^[^:*]*$/;

const checkLength = (value: string, member: string): void => {
  if (value.length < 1)
    throw constraintError(value, member, 'Member must have length greater than or equal to 1');
  if (value.length > 512)
    throw constraintError(value, member, 'Member must have length less than or equal to 512');
};

export const checkGroupName = (name: unknown, member = 'logGroupName'): string => {
  if (typeof name !== 'string') throw invalidParameter(`${member} is required.`);
  checkLength(name, member);
  if (!GROUP_NAME.test(name)) {
    throw constraintError(
      name,
      member,
      'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
    );
  }
  return name;
};

export const checkStreamName = (name: unknown, member = 'logStreamName'): string => {
  if (typeof name !== 'string') throw invalidParameter(`${member} is required.`);
  checkLength(name, member);
  if (!STREAM_NAME.test(name)) {
    throw constraintError(name, member, 'Member must satisfy regular expression pattern: [^:*]*');
  }
  return name;
};

/** A page size: `fallback` when absent, else an integer in [1, max]. */
export const checkLimit = (limit: unknown, max: number, fallback = max): number => {
  if (limit === undefined) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit))
    throw constraintError(limit, 'limit', 'Member must be an integer');
  if (limit < 1) throw constraintError(limit, 'limit', 'Member must have value greater than or equal to 1');
  if (limit > max)
    throw constraintError(limit, 'limit', `Member must have value less than or equal to ${max}`);
  return limit;
};

/**
 * The group a request names by `logGroupName` or `logGroupIdentifier` (a name or a log group
 * ARN, with or without its trailing `:*`); naming it both ways is an error.
 */
export const groupNameOf = (input: {
  readonly logGroupName?: unknown;
  readonly logGroupIdentifier?: unknown;
}): string => {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (input.logGroupIdentifier === undefined) return checkGroupName(input.logGroupName);
  const identifier = input.logGroupIdentifier;
  if (typeof identifier !== 'string') throw invalidParameter('logGroupIdentifier is required.');
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(identifier);
  return checkGroupName(arn ? arn[1] : identifier, 'logGroupIdentifier');
};
