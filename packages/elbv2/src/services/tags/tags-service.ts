/**
 * AddTags, RemoveTags and DescribeTags on load balancers, target groups, listeners and rules
 * (each resource must exist), and the tag writes the Create* use cases share.
 */
import type { StoreReader, StoreTransaction } from '@berth/store';
import type { TagDescription } from '@berth/wire/elbv2';

import { resourceTypeOf } from '../../records/elbv2-arns.js';
import { ELBV2_KIND } from '../../records/store-kinds.js';
import type { TagRecord, TagsRecord } from '../../records/tags-record.js';
import {
  listenerNotFound,
  loadBalancersNotFound,
  ruleNotFound,
  targetGroupsNotFound,
  validationError,
} from '../elbv2-errors.js';
import type { ServiceDeps } from '../service-deps.js';

import { mergeTags, validateTags, wireTags } from './tag-rules.js';

const MAX_RESOURCES = 20;

const KIND_OF = {
  loadbalancer: ELBV2_KIND.loadBalancer,
  listener: ELBV2_KIND.listener,
  'listener-rule': ELBV2_KIND.rule,
  targetgroup: ELBV2_KIND.targetGroup,
} as const;

/** Throws the not-found error of the ARN's resource type unless the resource exists. */
const checkExists = (reader: StoreReader, partitionKey: string, arn: string): void => {
  const type = resourceTypeOf(arn);
  if (!type)
    throw validationError(`'${arn}' is not a valid load balancer, target group, listener or rule ARN`);
  if (reader.get<{ partitionKey: string }>(KIND_OF[type], arn)?.partitionKey === partitionKey) return;
  if (type === 'loadbalancer') throw loadBalancersNotFound([arn]);
  if (type === 'targetgroup') throw targetGroupsNotFound([arn]);
  if (type === 'listener') throw listenerNotFound();
  throw ruleNotFound();
};

const checkResourceCount = (arns: readonly string[] | undefined): readonly string[] => {
  if (!arns || arns.length === 0) throw validationError('ResourceArns must contain at least one ARN');
  if (arns.length > MAX_RESOURCES)
    throw validationError(`ResourceArns can contain at most ${MAX_RESOURCES} ARNs`);
  return arns;
};

export const tagsOf = (reader: StoreReader, arn: string): readonly TagRecord[] =>
  reader.get<TagsRecord>(ELBV2_KIND.tags, arn)?.tags ?? [];

/** Writes a new resource's tags (already validated). */
export const putTags = (
  tx: StoreTransaction,
  partitionKey: string,
  arn: string,
  tags: readonly TagRecord[],
): void => {
  if (tags.length === 0) tx.delete(ELBV2_KIND.tags, arn);
  else tx.put(ELBV2_KIND.tags, arn, partitionKey, { resourceArn: arn, tags } satisfies TagsRecord);
};

export class TagsService {
  constructor(private readonly deps: ServiceDeps) {}

  add(
    partitionKey: string,
    resourceArns: readonly string[] | undefined,
    tags: Parameters<typeof validateTags>[0],
  ): void {
    const arns = checkResourceCount(resourceArns);
    const added = validateTags(tags);
    if (added.length === 0) throw validationError('Tags must contain at least one tag');
    this.deps.store.transact((tx) => {
      for (const arn of arns) {
        checkExists(tx, partitionKey, arn);
        putTags(tx, partitionKey, arn, mergeTags(tagsOf(tx, arn), added));
      }
    });
  }

  remove(
    partitionKey: string,
    resourceArns: readonly string[] | undefined,
    keys: readonly string[] | undefined,
  ): void {
    const arns = checkResourceCount(resourceArns);
    const removed = new Set(keys ?? []);
    this.deps.store.transact((tx) => {
      for (const arn of arns) {
        checkExists(tx, partitionKey, arn);
        putTags(
          tx,
          partitionKey,
          arn,
          tagsOf(tx, arn).filter((t) => !removed.has(t.key)),
        );
      }
    });
  }

  describe(partitionKey: string, resourceArns: readonly string[] | undefined): TagDescription[] {
    const arns = checkResourceCount(resourceArns);
    const store = this.deps.store;
    return arns.map((arn) => {
      checkExists(store, partitionKey, arn);
      return { ResourceArn: arn, Tags: wireTags(tagsOf(store, arn)) };
    });
  }
}
