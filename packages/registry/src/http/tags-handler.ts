import { sendJson } from './http-response.js';
import { RegistryError, unsupported } from './registry-error.js';
import type { RegistryRequest } from './registry-request.js';

/**
 * `GET /v2/<name>/tags/list?n=&last=`: the tags in lexical order after `last`, at most `n` of them,
 * with a `Link: <…>; rel="next"` header when more follow.
 */
export const handleTags = (request: RegistryRequest): void => {
  const { method, url, catalog, partition, name, res } = request;
  if (method !== 'GET') throw unsupported();
  const n = pageSize(url.searchParams.get('n'));
  const last = url.searchParams.get('last');
  const all = [...catalog.listTags(partition, name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const after = last === null ? all : all.filter((tag) => tag > last);
  const page = n === undefined ? after : after.slice(0, n);
  const final = page[page.length - 1];
  const more = n !== undefined && after.length > page.length && final !== undefined;
  const link = more
    ? { Link: `</v2/${name}/tags/list?n=${n}&last=${encodeURIComponent(final)}>; rel="next"` }
    : undefined;
  sendJson(res, 200, { name, tags: page }, link);
};

const pageSize = (value: string | null): number | undefined => {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RegistryError(
      400,
      'PAGINATION_NUMBER_INVALID',
      `invalid number of results requested: ${value}`,
    );
  }
  return n;
};
