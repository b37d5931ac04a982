/**
 * ListSecrets: the partition's secrets (those marked for deletion only with
 * IncludePlannedDeletion; those past their deletion date never), filtered and sorted.
 *
 * Filters AND together; a filter's values OR. `name`, `tag-key` and `tag-value` match
 * case-sensitive prefixes; `description` and `all` match the words of the value (split at
 * punctuation and case changes) case-insensitively by prefix. A value starting with `!` negates.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { Filter, ListSecretsRequest, ListSecretsResponse } from '@berth/wire/secretsmanager';

import { SECRETS_KIND, type SecretRecord } from '../records/secret-records.js';

import { paginate } from './pagination.js';
import { isExpired } from './secret-access.js';
import { invalidParameter } from './secret-errors.js';
import { listEntryView } from './secret-views.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

const words = (text: string): string[] =>
  text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.split(/(?=[A-Z][a-z])/))
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());

const prefixMatch = (pattern: string, candidates: readonly string[]): boolean =>
  candidates.some((c) => c.startsWith(pattern));

const wordMatch = (pattern: string, candidates: readonly string[]): boolean => {
  const wanted = words(pattern);
  return (
    wanted.length > 0 &&
    candidates.some((c) => {
      const have = words(c);
      return wanted.every((w) => have.some((h) => h.startsWith(w)));
    })
  );
};

type Matcher = (pattern: string, candidates: readonly string[]) => boolean;

const FILTERS: Readonly<Record<string, { of: (r: SecretRecord) => string[]; match: Matcher }>> = {
  name: { of: (r) => [r.name], match: prefixMatch },
  description: { of: (r) => (r.description !== undefined ? [r.description] : []), match: wordMatch },
  'tag-key': { of: (r) => Object.keys(r.tags), match: prefixMatch },
  'tag-value': { of: (r) => Object.values(r.tags), match: prefixMatch },
  all: {
    of: (r) => [
      r.name,
      ...(r.description !== undefined ? [r.description] : []),
      ...Object.keys(r.tags),
      ...Object.values(r.tags),
    ],
    match: wordMatch,
  },
};

const matches = (record: SecretRecord, filter: Filter): boolean => {
  const rule = FILTERS[filter.Key ?? ''];
  if (rule === undefined) {
    throw invalidParameter(
      `Invalid filter key: ${String(filter.Key)}. Berth supports name, description, tag-key, tag-value and all.`,
    );
  }
  const candidates = rule.of(record);
  return (filter.Values ?? []).some((value) =>
    value.startsWith('!') ? !rule.match(value.slice(1), candidates) : rule.match(value, candidates),
  );
};

const SORT_KEYS: Readonly<Record<string, (r: SecretRecord) => number | string>> = {
  'created-date': (r) => r.createdDate,
  'last-changed-date': (r) => r.lastChangedDate,
  'last-accessed-date': (r) => r.createdDate,
  name: (r) => r.name,
};

export const listSecrets = (
  deps: Pick<ServiceDeps, 'store' | 'now'>,
  partition: Partition,
  request: ListSecretsRequest,
): ListSecretsResponse => {
  const now = epochSeconds(deps.now());
  const sortKey = SORT_KEYS[request.SortBy ?? 'created-date'];
  if (sortKey === undefined) throw invalidParameter(`Invalid SortBy value: ${String(request.SortBy)}`);
  const order = request.SortOrder === 'desc' ? -1 : 1;
  const secrets = deps.store
    .list<SecretRecord>(SECRETS_KIND.secret, partitionKey(partition))
    .filter((r) => !isExpired(r, now))
    .filter((r) => request.IncludePlannedDeletion === true || r.deletedDate === undefined)
    .filter((r) => (request.Filters ?? []).every((f) => matches(r, f)))
    .sort((a, b) => {
      const x = sortKey(a);
      const y = sortKey(b);
      return order * (x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
  const page = paginate(secrets, request.MaxResults, request.NextToken, 100);
  return {
    SecretList: page.items.map(listEntryView),
    ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
  };
};
