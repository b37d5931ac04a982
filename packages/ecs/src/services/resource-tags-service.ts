/** TagResource, UntagResource, ListTagsForResource over every taggable ECS resource. */
import { ApiError, invalidParameter, parseArn, type Partition } from '@berth/core';
import type { Tag } from '@berth/wire/ecs';
import type { StoreTransaction } from '@berth/store';

import { KIND } from './records.js';
import type { ServiceDeps } from './service-deps.js';
import { mergeTags, removeTags, validateTags } from './tags.js';

const KIND_BY_TYPE: Readonly<Record<string, string>> = {
  cluster: KIND.cluster,
  'task-definition': KIND.taskDefinition,
  task: KIND.task,
  'container-instance': KIND.containerInstance,
  service: KIND.service,
  'capacity-provider': KIND.capacityProvider,
  'task-set': KIND.taskSet,
  daemon: KIND.daemon,
  'daemon-task-definition': KIND.daemonTaskDefinition,
};

type Taggable = { readonly tags?: readonly Tag[]; readonly task?: { readonly tags?: readonly Tag[] } };

const notFound = (): ApiError =>
  new ApiError('InvalidParameterException', 'The specified resource could not be found.');

export class ResourceTagsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(partition: Partition, resourceArn: string): Tag[] {
    const { record } = this.locate(this.deps.store, partition, resourceArn);
    return [...tagsOf(record)];
  }

  tag(partition: Partition, resourceArn: string, tags: readonly Tag[]): void {
    const valid = validateTags(tags);
    if (valid.length === 0) throw invalidParameter('Tags can not be empty.');
    this.change(partition, resourceArn, (current) => mergeTags(current, valid));
  }

  untag(partition: Partition, resourceArn: string, keys: readonly string[]): void {
    this.change(partition, resourceArn, (current) => removeTags(current, keys));
  }

  private change(
    partition: Partition,
    resourceArn: string,
    update: (current: readonly Tag[]) => Tag[],
  ): void {
    this.deps.store.transact((tx) => {
      const { kind, key, scope, record } = this.locate(tx, partition, resourceArn);
      const tags = update(tagsOf(record));
      const next = record.task ? { ...record, task: { ...record.task, tags } } : { ...record, tags };
      tx.put(kind, key, scope, next);
    });
  }

  private locate(
    reader: Pick<StoreTransaction, 'get'>,
    partition: Partition,
    resourceArn: string,
  ): { kind: string; key: string; scope: string; record: Taggable } {
    const parsed = parseArn(resourceArn);
    if (!parsed || parsed.service !== 'ecs') throw invalidParameter('The ARN provided is invalid.');
    if (parsed.region !== partition.region || parsed.accountId !== partition.accountId) throw notFound();
    const kind = KIND_BY_TYPE[parsed.type];
    if (!kind) throw invalidParameter('The ARN provided is invalid.');
    const record = reader.get<Taggable & { clusterArn?: string; partitionKey?: string }>(kind, resourceArn);
    if (!record) throw notFound();
    return { kind, key: resourceArn, scope: record.clusterArn ?? record.partitionKey ?? '', record };
  }
}

const tagsOf = (record: Taggable): readonly Tag[] => record.task?.tags ?? record.tags ?? [];
