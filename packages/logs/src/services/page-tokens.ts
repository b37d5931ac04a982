/** Opaque nextToken values for listings: a cursor as base64url JSON, checked when read back. */
import { invalidNextToken } from './logs-errors.js';

export const encodePageToken = (cursor: Readonly<Record<string, string | number>>): string =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/** The cursor a token carries; InvalidParameterException when it is not one of ours. */
export const decodePageToken = <T extends Record<string, string | number>>(
  token: unknown,
  fields: Readonly<Record<keyof T, 'string' | 'number'>>,
): T | undefined => {
  if (token === undefined) return undefined;
  if (typeof token !== 'string') throw invalidNextToken();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  if (typeof value !== 'object' || value === null) throw invalidNextToken();
  const record = value as Record<string, unknown>;
  for (const [field, type] of Object.entries(fields)) {
    if (typeof record[field] !== type) throw invalidNextToken();
  }
  return record as T;
};
