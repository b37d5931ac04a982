/** SSM's paging: core's, with its errors. */
import { paginate as paginateList, type Page, type PageErrors } from '@berth/core';

import { constraint, invalidNextToken } from './ssm-errors.js';

export type { Page };

const ERRORS: PageErrors = {
  badSize: (maxResults, limit) =>
    constraint('maxResults', `Member must have value less than or equal to ${limit}`, maxResults),
  badToken: invalidNextToken,
};

export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  limit: number,
): Page<T> => paginateList(items, { maxResults, nextToken, limit }, ERRORS);
