/** Tag lists on IAM entities: validation, merge and removal (at most 50 per entity). */
import type { IamTag } from '../records/iam-records.js';

import { constraintError, invalidInput, limitExceeded } from './iam-errors.js';

export const validTags = (tags: unknown): IamTag[] => {
  if (tags === undefined) return [];
  if (!Array.isArray(tags)) throw constraintError('tags', tags, 'Member must be a list');
  return tags.map((tag: { Key?: unknown; Value?: unknown }) => {
    if (typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128)
      throw constraintError('tags.member.key', tag.Key, 'Member must have length between 1 and 128');
    const value = typeof tag.Value === 'string' ? tag.Value : '';
    if (value.length > 256)
      throw constraintError('tags.member.value', value, 'Member must have length less than or equal to 256');
    return { Key: tag.Key, Value: value };
  });
};

export const mergeTags = (existing: readonly IamTag[], added: readonly IamTag[]): IamTag[] => {
  const byKey = new Map(existing.map((t) => [t.Key, t]));
  for (const tag of added) byKey.set(tag.Key, tag);
  if (byKey.size > 50) throw limitExceeded('The number of tags has reached the maximum limit.');
  return [...byKey.values()];
};

export const removeTags = (existing: readonly IamTag[], keys: unknown): IamTag[] => {
  if (!Array.isArray(keys)) throw invalidInput('TagKeys must be a list of tag keys.');
  const drop = new Set(keys.map(String));
  return existing.filter((t) => !drop.has(t.Key));
};

/** `{ Tags }` when there are tags (IAM omits an empty list). */
export const tagsOutput = (tags: readonly IamTag[]): { Tags?: IamTag[] } =>
  tags.length > 0 ? { Tags: [...tags] } : {};
