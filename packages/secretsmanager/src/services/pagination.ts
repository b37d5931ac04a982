/** MaxResults/NextToken paging over an already-ordered list; the token is the next index. */
import { constraint, invalidNextToken } from './secret-errors.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  limit: number,
): Page<T> => {
  const size = maxResults === undefined ? limit : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > limit) {
    throw constraint('maxResults', `Member must have value between 1 and ${limit}`, String(maxResults));
  }
  let start = 0;
  if (nextToken !== undefined) {
    start = Number(Buffer.from(typeof nextToken === 'string' ? nextToken : '', 'base64url').toString('utf8'));
    if (
      typeof nextToken !== 'string' ||
      nextToken === '' ||
      !Number.isInteger(start) ||
      start < 0 ||
      start > items.length
    ) {
      throw invalidNextToken();
    }
  }
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
  };
};
