/** IAM's Marker/MaxItems paging: the marker is the index of the next item, opaque to clients. */
import { constraintError } from './iam-errors.js';
import { textOf } from './iam-validation.js';

export interface IamPage<T> {
  readonly items: readonly T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

export const paginate = <T>(all: readonly T[], marker: unknown, maxItems: unknown): IamPage<T> => {
  const max = maxItems === undefined ? 100 : Number(maxItems);
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw constraintError('maxItems', maxItems, 'Member must have value between 1 and 1000');
  let start = 0;
  if (marker !== undefined) {
    start = Number.parseInt(Buffer.from(textOf(marker), 'base64url').toString('utf8'), 10);
    if (!Number.isInteger(start) || start < 0) throw constraintError('marker', marker, 'Invalid marker');
  }
  const items = all.slice(start, start + max);
  const next = start + max;
  return next < all.length
    ? { items, IsTruncated: true, Marker: Buffer.from(String(next)).toString('base64url') }
    : { items, IsTruncated: false };
};

/** The list output members of a page: `{ <member>: items, IsTruncated, Marker? }`. */
export const pageOutput = <T, K extends string>(
  member: K,
  page: IamPage<T>,
): Record<K, readonly T[]> & { IsTruncated: boolean; Marker?: string } =>
  ({
    [member]: page.items,
    IsTruncated: page.IsTruncated,
    ...(page.Marker !== undefined ? { Marker: page.Marker } : {}),
  }) as Record<K, readonly T[]> & { IsTruncated: boolean; Marker?: string };
