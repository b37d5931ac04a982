/**
 * Whether a tag may move to another image. IMMUTABLE and MUTABLE are the rule for every tag; the
 * `_WITH_EXCLUSION` variants invert the rule for tags matching one of the exclusion filters
 * (WILDCARD: `*` matches any run of characters).
 */
import type { ImageTagMutability, ImageTagMutabilityExclusionFilter } from '@berth/wire/ecr';

/** Whether `text` matches a wildcard pattern where `*` matches any run of characters. */
export const wildcardMatches = (pattern: string, text: string): boolean => {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's').test(text);
};

export const isTagImmutable = (
  mutability: ImageTagMutability,
  filters: readonly ImageTagMutabilityExclusionFilter[],
  tag: string,
): boolean => {
  const excluded = (): boolean => filters.some((f) => wildcardMatches(f.filter, tag));
  switch (mutability) {
    case 'MUTABLE':
      return false;
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded();
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded();
  }
};
