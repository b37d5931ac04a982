import { invalidParameter } from '@berth/core';
import type { Tag } from '@berth/wire/ecs';

const MAX_TAGS = 50;

/** Validates tags as ECS does: ≤ 50, key 1–128, value ≤ 256, the `aws:` prefix reserved. */
export const validateTags = (tags: readonly Tag[] | undefined): Tag[] => {
  if (!tags) return [];
  if (tags.length > MAX_TAGS) throw invalidParameter(`The number of tags exceeds the limit of ${MAX_TAGS}.`);
  for (const tag of tags) {
    const key = tag.key ?? '';
    if (key.length < 1 || key.length > 128)
      throw invalidParameter('Tag keys must be between 1 and 128 characters.');
    if ((tag.value ?? '').length > 256) throw invalidParameter('Tag values must be at most 256 characters.');
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidParameter('Tag keys must not begin with the reserved prefix aws:.');
  }
  return tags.map((t) => ({ key: t.key ?? '', value: t.value ?? '' }));
};

/** Tags after adding (and overwriting by key). */
export const mergeTags = (current: readonly Tag[], added: readonly Tag[]): Tag[] => {
  const byKey = new Map(current.map((t) => [t.key, t]));
  for (const tag of added) byKey.set(tag.key, tag);
  const merged = [...byKey.values()];
  if (merged.length > MAX_TAGS)
    throw invalidParameter(`The number of tags exceeds the limit of ${MAX_TAGS}.`);
  return merged;
};

export const removeTags = (current: readonly Tag[], keys: readonly string[]): Tag[] =>
  current.filter((t) => !keys.includes(t.key ?? ''));
