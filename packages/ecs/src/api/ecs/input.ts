import { invalidParameter } from '@berth/core';

/**
 * Views a decoded JSON body as an operation's request shape. The SDKs validate types before
 * sending; services validate every value they use, so a wrong type still ends in an AWS error.
 */
export const as = <T>(input: Record<string, unknown>): T => input as T;

/** A required string member, or InvalidParameterException. */
export const requiredString = (input: Record<string, unknown>, name: string): string => {
  const value = input[name];
  if (typeof value !== 'string' || value.length === 0) throw invalidParameter(`${name} can not be blank.`);
  return value;
};
