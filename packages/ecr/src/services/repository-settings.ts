/** Checks of repository settings: tag mutability and its exclusion filters, tags, policy JSON. */
import type { ImageTagMutability, ImageTagMutabilityExclusionFilter, Tag } from '@berth/wire/ecr';

import { constraint, invalidParameter, invalidTagParameter } from './ecr-errors.js';

const MUTABILITIES: readonly ImageTagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
];

/** Checks a mutability setting and its exclusion filters (required exactly for the _WITH_EXCLUSION ones). */
export const checkMutability = (
  mutability: ImageTagMutability | undefined,
  filters: readonly ImageTagMutabilityExclusionFilter[] | undefined,
): {
  imageTagMutability: ImageTagMutability;
  imageTagMutabilityExclusionFilters: ImageTagMutabilityExclusionFilter[];
} => {
  const value = mutability ?? 'MUTABLE';
  if (!MUTABILITIES.includes(value)) {
    throw constraint(
      'imageTagMutability',
      `Member must satisfy enum value set: [${MUTABILITIES.join(', ')}]`,
    );
  }
  const list = filters ?? [];
  const withExclusion = value.endsWith('_WITH_EXCLUSION');
  if (withExclusion && list.length === 0) {
    throw invalidParameter(
      `imageTagMutabilityExclusionFilters must be specified when imageTagMutability is ${value}`,
    );
  }
  if (!withExclusion && list.length > 0) {
    throw invalidParameter(
      `imageTagMutabilityExclusionFilters can only be specified when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`,
    );
  }
  for (const f of list) {
    if (f.filterType !== 'WILDCARD' || !/^[0-9a-zA-Z._*-]{1,128}$/.test(f.filter)) {
      throw constraint(
        'imageTagMutabilityExclusionFilters',
        'filterType must be WILDCARD and filter must match [0-9a-zA-Z._*-]{1,128}',
      );
    }
  }
  return {
    imageTagMutability: value,
    imageTagMutabilityExclusionFilters: list.map((f) => ({ filterType: f.filterType, filter: f.filter })),
  };
};

export const checkTags = (tags: readonly Tag[]): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const tag of tags) {
    if (
      typeof tag.Key !== 'string' ||
      tag.Key.length < 1 ||
      tag.Key.length > 128 ||
      tag.Key.startsWith('aws:')
    ) {
      throw invalidTagParameter(`Invalid tag key: '${String(tag.Key)}'`);
    }
    if (typeof tag.Value !== 'string' || tag.Value.length > 256)
      throw invalidTagParameter(`Invalid tag value for key '${tag.Key}'`);
    result[tag.Key] = tag.Value;
  }
  return result;
};

export const isJsonObject = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};
