/**
 * Target groups: create (idempotent for the same settings), describe (by ARNs, names or load
 * balancer), modify health checks, attributes, and delete (refused while a rule forwards to it).
 */
import { partitionKey, type Partition } from '@berth/core';
import type {
  CreateTargetGroupInput,
  DescribeTargetGroupsInput,
  ModifyTargetGroupInput,
  TargetGroup,
  TargetGroupAttribute,
} from '@berth/wire/elbv2';

import { targetGroupArn } from '../../records/elbv2-arns.js';
import type { ListenerRecord } from '../../records/listener-record.js';
import type { RegisteredTargetRecord } from '../../records/registered-target-record.js';
import { ELBV2_KIND, targetKey } from '../../records/store-kinds.js';
import type { TargetGroupRecord } from '../../records/target-group-record.js';
import {
  duplicateTargetGroupName,
  targetGroupInUse,
  targetGroupsNotFound,
  validationError,
} from '../elbv2-errors.js';
import { findTargetGroup, loadBalancerOf, targetGroupOf } from '../lookups.js';
import { pageOf, type MarkerPage } from '../pagination.js';
import { forwardedGroups, loadBalancersUsing, rulesOf, usesOf } from '../rules/rule-store.js';
import type { ServiceDeps } from '../service-deps.js';
import { putTags } from '../tags/tags-service.js';
import { validateTags } from '../tags/tag-rules.js';

import { DEFAULT_HEALTH_CHECK, healthCheckSettings } from './health-check-rules.js';
import {
  DEFAULT_TARGET_GROUP_ATTRIBUTES,
  modifiedTargetGroupAttributes,
  wireTargetGroupAttributes,
} from './target-group-attributes.js';
import { checkTargetGroupKind, checkTargetGroupName } from './target-group-rules.js';
import { targetGroupView } from './target-group-view.js';

const sameKind = (
  tg: TargetGroupRecord,
  other: Omit<TargetGroupRecord, 'arn' | 'id' | 'createdAt' | 'attributes'>,
) =>
  tg.protocol === other.protocol &&
  tg.port === other.port &&
  tg.vpcId === other.vpcId &&
  tg.targetType === other.targetType &&
  JSON.stringify(tg.healthCheck) === JSON.stringify(other.healthCheck);

export class TargetGroupsService {
  constructor(private readonly deps: ServiceDeps) {}

  create(partition: Partition, request: CreateTargetGroupInput): TargetGroup {
    const key = partitionKey(partition);
    const name = checkTargetGroupName(request.Name);
    const kind = checkTargetGroupKind(request);
    const healthCheck = healthCheckSettings(DEFAULT_HEALTH_CHECK, request, kind.targetType);
    const tags = validateTags(request.Tags);
    const fields = {
      ...kind,
      name,
      partitionKey: key,
      protocolVersion: 'HTTP1',
      ipAddressType: 'ipv4',
      healthCheck,
    } as const;
    return this.deps.store.transact((tx) => {
      const existing = tx.list<TargetGroupRecord>(ELBV2_KIND.targetGroup, key).find((tg) => tg.name === name);
      if (existing) {
        if (!sameKind(existing, fields)) throw duplicateTargetGroupName(name);
        return targetGroupView(existing, loadBalancersUsing(tx, existing.arn));
      }
      const id = this.deps.ids.hex16();
      const record: TargetGroupRecord = {
        ...fields,
        arn: targetGroupArn(partition, name, id),
        id,
        attributes: DEFAULT_TARGET_GROUP_ATTRIBUTES,
        createdAt: this.deps.now(),
      };
      tx.put(ELBV2_KIND.targetGroup, record.arn, key, record);
      putTags(tx, key, record.arn, tags);
      return targetGroupView(record, []);
    });
  }

  describe(partition: Partition, request: DescribeTargetGroupsInput): MarkerPage<TargetGroup> {
    const key = partitionKey(partition);
    const store = this.deps.store;
    const { TargetGroupArns: arns, Names: names, LoadBalancerArn: lbArn } = request;
    if ([arns?.length, names?.length, lbArn].filter(Boolean).length > 1)
      throw validationError(
        'Target group ARNs, target group names and a load balancer ARN cannot be specified at the same time',
      );
    let groups: TargetGroupRecord[];
    if (arns?.length) {
      groups = arns.map((arn) => findTargetGroup(store, key, arn)).filter((tg) => tg !== undefined);
      const missing = arns.filter((arn) => !groups.some((tg) => tg.arn === arn));
      if (missing.length > 0) throw targetGroupsNotFound(missing);
    } else if (names?.length) {
      groups = this.all(key).filter((tg) => names.includes(tg.name));
      const missing = names.filter((n) => !groups.some((tg) => tg.name === n));
      if (missing.length > 0) throw targetGroupsNotFound(missing);
    } else if (lbArn !== undefined) {
      const lb = loadBalancerOf(store, key, lbArn);
      const used = new Set(
        store
          .list<ListenerRecord>(ELBV2_KIND.listener, lb.arn)
          .flatMap((l) => rulesOf(store, l.arn).flatMap(forwardedGroups)),
      );
      groups = this.all(key).filter((tg) => used.has(tg.arn));
    } else groups = this.all(key);
    const page = pageOf(groups, request.PageSize, request.Marker);
    return { ...page, items: page.items.map((tg) => targetGroupView(tg, loadBalancersUsing(store, tg.arn))) };
  }

  modify(partition: Partition, request: ModifyTargetGroupInput): TargetGroup {
    const key = partitionKey(partition);
    return this.deps.store.transact((tx) => {
      const tg = targetGroupOf(tx, key, request.TargetGroupArn);
      const next: TargetGroupRecord = {
        ...tg,
        healthCheck: healthCheckSettings(tg.healthCheck, request, tg.targetType),
      };
      tx.put(ELBV2_KIND.targetGroup, tg.arn, key, next);
      return targetGroupView(next, loadBalancersUsing(tx, tg.arn));
    });
  }

  describeAttributes(partition: Partition, arn: unknown): TargetGroupAttribute[] {
    return wireTargetGroupAttributes(targetGroupOf(this.deps.store, partitionKey(partition), arn).attributes);
  }

  modifyAttributes(
    partition: Partition,
    arn: unknown,
    changes: readonly TargetGroupAttribute[] | undefined,
  ): TargetGroupAttribute[] {
    const key = partitionKey(partition);
    return this.deps.store.transact((tx) => {
      const tg = targetGroupOf(tx, key, arn);
      const attributes = modifiedTargetGroupAttributes(tg.attributes, changes);
      tx.put(ELBV2_KIND.targetGroup, tg.arn, key, { ...tg, attributes } satisfies TargetGroupRecord);
      return wireTargetGroupAttributes(attributes);
    });
  }

  /** DeleteTargetGroup: succeeds when the group does not exist; refused while a rule forwards to it. */
  delete(partition: Partition, arn: unknown): void {
    const key = partitionKey(partition);
    if (typeof arn !== 'string' || arn.length === 0)
      throw validationError('TargetGroupArn must be specified');
    this.deps.store.transact((tx) => {
      const tg = findTargetGroup(tx, key, arn);
      if (!tg) return;
      if (usesOf(tx, arn).length > 0) throw targetGroupInUse(arn);
      for (const t of tx.list<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget, arn))
        tx.delete(ELBV2_KIND.registeredTarget, targetKey(arn, t.id, t.port));
      tx.delete(ELBV2_KIND.targetGroup, arn);
      tx.delete(ELBV2_KIND.tags, arn);
    });
  }

  private all(key: string): TargetGroupRecord[] {
    return this.deps.store
      .list<TargetGroupRecord>(ELBV2_KIND.targetGroup, key)
      .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  }
}
