/** Application Auto Scaling's paging: core's, with its errors. */
import { paginate as paginateList, type Page, type PageErrors } from '@berth/core';

import { invalidNextToken, validation } from './autoscaling-errors.js';

export type { Page };

const ERRORS: PageErrors = {
  badSize: (maxResults, limit) =>
    validation(
      `1 validation error detected: Value '${JSON.stringify(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${limit}`,
    ),
  badToken: invalidNextToken,
};

export const paginate = <T>(
  items: readonly T[],
  maxResults: unknown,
  nextToken: unknown,
  limit = 50,
): Page<T> => paginateList(items, { maxResults, nextToken, limit }, ERRORS);
