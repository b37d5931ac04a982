/** One page of a group filter listing, in (group name, filter name) order, after a token's cursor. */
import type { GroupFilterRecord } from '@berth/telemetry';

import { decodePageToken, encodePageToken } from './page-tokens.js';

export interface FilterPage {
  readonly items: GroupFilterRecord[];
  readonly nextToken?: string;
}

export const pageOfFilters = (
  filters: readonly GroupFilterRecord[],
  limit: number,
  token: unknown,
): FilterPage => {
  const after = decodePageToken<{ group: string; name: string }>(token, { group: 'string', name: 'string' });
  const rest = after
    ? filters.filter((f) => f.groupName > after.group || (f.groupName === after.group && f.name > after.name))
    : filters;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return rest.length > limit && last
    ? { items, nextToken: encodePageToken({ group: last.groupName, name: last.name }) }
    : { items };
};
