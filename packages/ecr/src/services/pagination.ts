/** ECR's paging: core's, with its errors. */
import { paginate as paginateList, type Page, type PageErrors } from '@berth/core';

import { constraint, invalidParameter } from './ecr-errors.js';

export type { Page };

const ERRORS: PageErrors = {
  badSize: (_maxResults, limit) => constraint('maxResults', `Member must have value between 1 and ${limit}`),
  badToken: () =>
    invalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'"),
};

export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  limit = 1000,
): Page<T> => paginateList(items, { maxResults, nextToken, limit }, ERRORS);
