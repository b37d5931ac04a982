/** Tags on parameters (AddTagsToResource, RemoveTagsFromResource, ListTagsForResource; ResourceType Parameter). */
import type { Partition } from '@berth/core';
import type { Tag } from '@berth/wire/ssm';

import type { ParameterRecord } from '../records/parameter-records.js';

import { findParameter, putParameterRecord } from './parameter-access.js';
import { parseReference } from './parameter-names.js';
import { constraint, invalidResourceId, invalidResourceType, tooManyTags } from './ssm-errors.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_TAGS = 50;

export const checkTags = (tags: readonly Tag[] | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128) {
      throw constraint('tags.member.key', 'Member must have length between 1 and 128', tag.Key);
    }
    if (typeof tag.Value !== 'string' || tag.Value.length > 256) {
      throw constraint('tags.member.value', 'Member must have length less than or equal to 256', tag.Value);
    }
    out[tag.Key] = tag.Value;
  }
  if (Object.keys(out).length > MAX_TAGS) throw tooManyTags();
  return out;
};

const tagged = (
  deps: ServiceDeps,
  partition: Partition,
  resourceType: unknown,
  resourceId: unknown,
): string => {
  if (resourceType !== 'Parameter') throw invalidResourceType();
  const reference = parseReference(partition, resourceId);
  const name = reference?.candidates.find((n) => findParameter(deps.store, partition, n) !== undefined);
  if (name === undefined || reference?.selector !== undefined) throw invalidResourceId();
  return name;
};

const change = (
  deps: ServiceDeps,
  partition: Partition,
  name: string,
  edit: (tags: Readonly<Record<string, string>>) => Record<string, string>,
): void =>
  deps.store.transact((tx) => {
    const record = findParameter(tx, partition, name);
    if (record === undefined) throw invalidResourceId();
    const next: ParameterRecord = { ...record, tags: edit(record.tags) };
    putParameterRecord(tx, partition, next);
  });

export const addTags = (
  deps: ServiceDeps,
  partition: Partition,
  resourceType: unknown,
  resourceId: unknown,
  tags: readonly Tag[] | undefined,
): void => {
  const name = tagged(deps, partition, resourceType, resourceId);
  const added = checkTags(tags);
  change(deps, partition, name, (current) => {
    const next = { ...current, ...added };
    if (Object.keys(next).length > MAX_TAGS) throw tooManyTags();
    return next;
  });
};

export const removeTags = (
  deps: ServiceDeps,
  partition: Partition,
  resourceType: unknown,
  resourceId: unknown,
  keys: readonly string[] | undefined,
): void => {
  const name = tagged(deps, partition, resourceType, resourceId);
  const removed = new Set(keys ?? []);
  change(deps, partition, name, (current) =>
    Object.fromEntries(Object.entries(current).filter(([k]) => !removed.has(k))),
  );
};

export const listTags = (
  deps: ServiceDeps,
  partition: Partition,
  resourceType: unknown,
  resourceId: unknown,
): Tag[] => {
  const name = tagged(deps, partition, resourceType, resourceId);
  const record = findParameter(deps.store, partition, name);
  return Object.entries(record?.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
};
