/** Secrets Manager's paging: core's, with its errors. */
import { paginate as paginateList, type Page, type PageErrors } from '@berth/core';

import { constraint, invalidNextToken } from './secret-errors.js';

export type { Page };

const ERRORS: PageErrors = {
  badSize: (maxResults, limit) =>
    constraint('maxResults', `Member must have value between 1 and ${limit}`, String(maxResults)),
  badToken: invalidNextToken,
};

export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  limit: number,
): Page<T> => paginateList(items, { maxResults, nextToken, limit }, ERRORS);
