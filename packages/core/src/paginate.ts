/**
 * MaxResults/NextToken paging over an already-ordered list, as the AWS APIs page: the token is
 * opaque to the caller (the base64url of the next index). Each API answers a bad page size or a
 * token it did not issue with its own error.
 */
import type { ApiError } from './errors.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export interface PageErrors {
  /** maxResults is not an integer between 1 and `limit`. */
  readonly badSize: (maxResults: unknown, limit: number) => ApiError;
  /** nextToken is not one this list could have issued. */
  readonly badToken: () => ApiError;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (no padding) of an ASCII text. */
const base64url = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [0, 1, 2].map((k) => text.charCodeAt(i + k) || 0);
    const bits = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((text.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(bits >> (18 - 6 * k)) & 63];
  }
  return out;
};

const encodeIndex = (index: number): string => base64url(String(index));

/** The index a token names, or NaN: tokens are compared by re-encoding, so only issued ones pass. */
const decodeIndex = (token: unknown): number => {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{1,16}$/.test(token)) return Number.NaN;
  const digits = decodeDigits(token);
  return digits !== '' && encodeIndex(Number(digits)) === token ? Number(digits) : Number.NaN;
};

/** Decodes a base64url text whose bytes are ASCII digits ('' when they are not). */
const decodeDigits = (token: string): string => {
  let bits = 0;
  let count = 0;
  let out = '';
  for (const char of token) {
    bits = (bits << 6) | ALPHABET.indexOf(char);
    count += 6;
    if (count >= 8) {
      count -= 8;
      const code = (bits >> count) & 255;
      if (code < 48 || code > 57) return '';
      out += String.fromCharCode(code);
    }
  }
  return out;
};

export const paginate = <T>(
  items: readonly T[],
  request: { readonly maxResults: unknown; readonly nextToken: unknown; readonly limit: number },
  errors: PageErrors,
): Page<T> => {
  const { maxResults, nextToken, limit } = request;
  const size = maxResults === undefined ? limit : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > limit) throw errors.badSize(maxResults, limit);
  const start = nextToken === undefined ? 0 : decodeIndex(nextToken);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw errors.badToken();
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: encodeIndex(end) } : {}),
  };
};
