/** ELBv2's Marker/PageSize paging (PageSize 1–400), with an opaque marker over an ordered list. */
import { shown, validationError } from './elbv2-errors.js';

export interface MarkerPage<T> {
  readonly items: T[];
  readonly nextMarker?: string;
}

export const MAX_PAGE_SIZE = 400;

export const pageOf = <T>(items: readonly T[], pageSize: unknown, marker: unknown): MarkerPage<T> => {
  let size = MAX_PAGE_SIZE;
  if (pageSize !== undefined && pageSize !== null) {
    if (
      typeof pageSize !== 'number' ||
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > MAX_PAGE_SIZE
    )
      throw validationError(
        `1 validation error detected: Value '${shown(pageSize)}' at 'pageSize' failed to satisfy constraint: ` +
          `Member must have value between 1 and ${MAX_PAGE_SIZE}`,
      );
    size = pageSize;
  }
  let offset = 0;
  if (marker !== undefined && marker !== null && marker !== '') {
    const decoded = typeof marker === 'string' ? Number(Buffer.from(marker, 'base64url').toString()) : NaN;
    if (!Number.isInteger(decoded) || decoded < 0) throw validationError('Invalid marker');
    offset = decoded;
  }
  const next = offset + size;
  const page = items.slice(offset, next);
  return next < items.length
    ? { items: page, nextMarker: Buffer.from(String(next)).toString('base64url') }
    : { items: page };
};
