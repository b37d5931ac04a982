import { invalidParameter } from '@berth/core';

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Paginates an ordered list with an opaque token (the offset, encoded). maxResults is 1–100
 * as ECS allows; absent means the whole list (ECS returns up to 100 with a token).
 */
export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  max = 100,
): Page<T> => {
  let limit = max;
  if (maxResults !== undefined && maxResults !== null) {
    if (
      typeof maxResults !== 'number' ||
      !Number.isInteger(maxResults) ||
      maxResults < 1 ||
      maxResults > max
    ) {
      throw invalidParameter(`maxResults must be between 1 and ${max}.`);
    }
    limit = maxResults;
  }
  let offset = 0;
  if (nextToken !== undefined && nextToken !== null) {
    const decoded =
      typeof nextToken === 'string' ? Number(Buffer.from(nextToken, 'base64url').toString()) : NaN;
    if (!Number.isInteger(decoded) || decoded < 0) throw invalidParameter('Invalid nextToken.');
    offset = decoded;
  }
  const page = items.slice(offset, offset + limit);
  const next = offset + limit;
  return next < items.length
    ? { items: page, nextToken: Buffer.from(String(next)).toString('base64url') }
    : { items: page };
};
