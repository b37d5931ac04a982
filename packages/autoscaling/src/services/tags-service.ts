/**
 * TagResource, UntagResource and ListTagsForResource on scalable target ARNs (AWS tags only
 * scalable targets). An ARN Berth has no target for answers ResourceNotFoundException.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreTransaction } from '@berth/store';

import { AUTOSCALING_KIND, type ScalableTargetRecord, type TagsRecord } from '../records/scaling-records.js';

import { resourceNotFound, tooManyTags, validation } from './autoscaling-errors.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_TAGS = 50;

export const checkTags = (tags: Readonly<Record<string, string>>): void => {
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128 || key.startsWith('aws:')) {
      throw validation(`Invalid tag key: ${key}`);
    }
    if (value.length > 256) throw validation(`Invalid tag value for key: ${key}`);
  }
};

export const setTags = (
  tx: StoreTransaction,
  scope: string,
  resourceArn: string,
  tags: Readonly<Record<string, string>>,
): void => {
  if (Object.keys(tags).length > MAX_TAGS) throw tooManyTags(resourceArn);
  const record: TagsRecord = { resourceArn, tags: { ...tags } };
  tx.put(AUTOSCALING_KIND.tags, resourceArn, scope, record);
};

export class TagsService {
  constructor(private readonly deps: ServiceDeps) {}

  tag(partition: Partition, arn: string, tags: Readonly<Record<string, string>>): void {
    checkTags(tags);
    this.deps.store.transact((tx) => {
      const current = this.requireTarget(tx, partition, arn);
      setTags(tx, partitionKey(partition), arn, { ...current, ...tags });
    });
  }

  untag(partition: Partition, arn: string, keys: readonly string[]): void {
    this.deps.store.transact((tx) => {
      const current = { ...this.requireTarget(tx, partition, arn) };
      for (const key of keys) delete current[key];
      setTags(tx, partitionKey(partition), arn, current);
    });
  }

  list(partition: Partition, arn: string): Record<string, string> {
    return { ...this.requireTarget(this.deps.store, partition, arn) };
  }

  /** The target's current tags; throws when the caller has no target with that ARN. */
  private requireTarget(
    reader: Pick<StoreTransaction, 'get' | 'list'>,
    partition: Partition,
    arn: string,
  ): Readonly<Record<string, string>> {
    const exists = reader
      .list<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, partitionKey(partition))
      .some((t) => t.scalableTargetArn === arn);
    if (!exists) throw resourceNotFound(arn);
    return reader.get<TagsRecord>(AUTOSCALING_KIND.tags, arn)?.tags ?? {};
  }
}
