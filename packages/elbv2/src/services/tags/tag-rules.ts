/** Pure tag validation as ELBv2 does it: ≤ 50 per resource, key 1–128, value ≤ 256, `aws:` reserved. */
import { ApiError } from '@berth/core';
import type { Tag } from '@berth/wire/elbv2';

import type { TagRecord } from '../../records/tags-record.js';
import { validationError } from '../elbv2-errors.js';

export const MAX_TAGS = 50;

const tooManyTags = (): ApiError =>
  new ApiError(
    'TooManyTags',
    'The quota for the number of tags that can be assigned to a resource has been reached',
    400,
  );

/** Validates the tags of one request: no key twice, well-formed keys and values. */
export const validateTags = (tags: readonly Tag[] | undefined): TagRecord[] => {
  if (!tags) return [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = typeof tag.Key === 'string' ? tag.Key : '';
    if (key.length < 1 || key.length > 128)
      throw validationError('Tag keys must be between 1 and 128 characters long');
    if ((tag.Value ?? '').length > 256)
      throw validationError('Tag values must be at most 256 characters long');
    if (key.toLowerCase().startsWith('aws:'))
      throw validationError("Tag keys starting with 'aws:' are reserved for internal use");
    if (seen.has(key))
      throw new ApiError('DuplicateTagKeys', `Tag key '${key}' was specified more than once`, 400);
    seen.add(key);
  }
  if (tags.length > MAX_TAGS) throw tooManyTags();
  return tags.map((t) => ({ key: t.Key, value: t.Value ?? '' }));
};

/** Tags after adding (overwriting by key). */
export const mergeTags = (current: readonly TagRecord[], added: readonly TagRecord[]): TagRecord[] => {
  const byKey = new Map(current.map((t) => [t.key, t]));
  for (const tag of added) byKey.set(tag.key, tag);
  if (byKey.size > MAX_TAGS) throw tooManyTags();
  return [...byKey.values()];
};

export const wireTags = (tags: readonly TagRecord[]): Tag[] =>
  tags.map((t) => ({ Key: t.key, Value: t.value }));
