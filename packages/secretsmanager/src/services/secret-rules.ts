/** The checks Secrets Manager makes on names, descriptions, KMS key ids, tokens and tags. */
import type { Tag } from '@berth/wire/secretsmanager';

import { constraint, invalidParameter } from './secret-errors.js';

const NAME = /^[A-Za-z0-9/_+=.@-]+$/;

export const requireSecretName = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw constraint('name', 'Member must have length greater than or equal to 1');
  }
  if (value.length > 512) throw constraint('name', 'Member must have length less than or equal to 512');
  if (!NAME.test(value)) {
    throw invalidParameter(
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    );
  }
  return value;
};

export const optionalText = (value: unknown, member: string, max: number): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw constraint(member, 'Member must be a string');
  if (value.length > max) throw constraint(member, `Member must have length less than or equal to ${max}`);
  return value;
};

/** ClientRequestToken: 32–64 characters. */
export const optionalToken = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 32) {
    throw constraint('clientRequestToken', 'Member must have length greater than or equal to 32');
  }
  if (value.length > 64) {
    throw constraint('clientRequestToken', 'Member must have length less than or equal to 64');
  }
  return value;
};

export const checkTags = (tags: readonly Tag[] | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) {
    const key = tag.Key;
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
      throw constraint('tags.member.key', 'Member must have length between 1 and 128');
    }
    const value = tag.Value ?? '';
    if (typeof value !== 'string' || value.length > 256) {
      throw constraint('tags.member.value', 'Member must have length less than or equal to 256');
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw invalidParameter('Invalid tag key. Tag keys that start with aws: are reserved for AWS use.');
    }
    out[key] = value;
  }
  return out;
};

export const MAX_TAGS = 50;

export const checkTagCount = (tags: Readonly<Record<string, string>>): void => {
  if (Object.keys(tags).length > MAX_TAGS) {
    throw invalidParameter(`Number of tags exceeds the limit of ${MAX_TAGS} tags.`);
  }
};

export const tagList = (tags: Readonly<Record<string, string>>): Tag[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
