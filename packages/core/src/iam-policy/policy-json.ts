/** Shape checks shared by the policy parser: every failure is AWS's MalformedPolicyDocument. */
import { ApiError } from '../errors.js';

export const malformed = (message: string): ApiError => new ApiError('MalformedPolicyDocument', message, 400);

export const SYNTAX_ERROR = 'Syntax errors in policy.';

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rejects members other than `allowed` (IAM's element names are case-sensitive). */
export const onlyMembers = (value: JsonObject, allowed: readonly string[]): void => {
  if (Object.keys(value).some((key) => !allowed.includes(key))) throw malformed(SYNTAX_ERROR);
};

/** A string or a list of strings, as a list. */
export const stringList = (value: unknown): string[] => {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (!list.every((item): item is string => typeof item === 'string')) throw malformed(SYNTAX_ERROR);
  return list;
};
