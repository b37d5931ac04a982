/** Opaque paging tokens: base64url JSON of where the next page starts; anything else is InvalidNextToken. */
import { invalidNextToken } from './cloudwatch-errors.js';

export const encodeToken = (position: string | number): string =>
  Buffer.from(JSON.stringify({ p: position }), 'utf8').toString('base64url');

export const decodeToken = <T extends string | number>(
  token: string | undefined,
  kind: 'string' | 'number',
): T | undefined => {
  if (token === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { p?: unknown };
    if (typeof parsed.p === kind) return parsed.p as T;
  } catch {
    // falls through to the error
  }
  throw invalidNextToken();
};
