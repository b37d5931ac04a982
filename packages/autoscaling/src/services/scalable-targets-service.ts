/**
 * RegisterScalableTarget, DeregisterScalableTarget and DescribeScalableTargets. Registering an
 * existing target updates only the members given; after either, the service's desired count is
 * moved into [min, max]. Deregistering deletes the target's policies (and their alarms) and its
 * scheduled actions.
 */
import { ApiError, partitionKey, type Partition } from '@berth/core';
import type {
  DescribeScalableTargetsRequest,
  RegisterScalableTargetRequest,
  ScalableTarget,
} from '@berth/wire/application-autoscaling';

import { scalableTargetArn } from '../records/autoscaling-arns.js';
import {
  AUTOSCALING_KIND,
  targetKey,
  type ScalableTargetRecord,
  type ScalingPolicyRecord,
  type ScheduledActionRecord,
  type TargetRef,
} from '../records/scaling-records.js';

import { targetNotFound, validation } from './autoscaling-errors.js';
import type { CapacityChanges } from './capacity-changes.js';
import { paginate, type Page } from './pagination.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { checkTags, setTags } from './tags-service.js';
import { checkCapacity, checkFilter, serviceOfResource, targetRefOf } from './target-request.js';

const ECS_ROLE = (p: Partition): string =>
  `arn:aws:iam::${p.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;

export const findTarget = (
  deps: ServiceDeps,
  partition: Partition,
  ref: TargetRef,
): ScalableTargetRecord | undefined =>
  deps.store.get<ScalableTargetRecord>(
    AUTOSCALING_KIND.scalableTarget,
    targetKey(partitionKey(partition), ref),
  );

export const requireTarget = (
  deps: ServiceDeps,
  partition: Partition,
  ref: TargetRef,
): ScalableTargetRecord => {
  const target = findTarget(deps, partition, ref);
  if (!target) throw targetNotFound(ref);
  return target;
};

export const targetView = (t: ScalableTargetRecord): ScalableTarget => ({
  ServiceNamespace: t.serviceNamespace,
  ResourceId: t.resourceId,
  ScalableDimension: t.scalableDimension,
  MinCapacity: t.minCapacity,
  MaxCapacity: t.maxCapacity,
  RoleARN: t.roleArn,
  CreationTime: t.creationTime,
  SuspendedState: { ...t.suspendedState },
  ScalableTargetARN: t.scalableTargetArn,
});

export class ScalableTargetsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly changes: CapacityChanges,
  ) {}

  register(partition: Partition, request: RegisterScalableTargetRequest): string {
    const ref = targetRefOf(request);
    const min = checkCapacity(request.MinCapacity, 'minCapacity');
    const max = checkCapacity(request.MaxCapacity, 'maxCapacity');
    if (request.Tags !== undefined) checkTags(request.Tags);
    this.checkServiceExists(partition, ref);
    const scope = partitionKey(partition);
    const key = targetKey(scope, ref);
    const target = this.deps.store.transact((tx) => {
      const existing = tx.get<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, key);
      if (existing && request.Tags !== undefined) {
        throw validation(
          'The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.',
        );
      }
      if (!existing && (min === undefined || max === undefined)) {
        throw validation('MinCapacity and MaxCapacity are required to register a new scalable target.');
      }
      const minCapacity = min ?? existing?.minCapacity ?? 0;
      const maxCapacity = max ?? existing?.maxCapacity ?? 0;
      if (minCapacity > maxCapacity) {
        throw validation(
          `Minimum capacity (${minCapacity}) cannot be greater than maximum capacity (${maxCapacity}).`,
        );
      }
      const suspended = request.SuspendedState ?? {};
      const record: ScalableTargetRecord = {
        ...(existing ?? {
          ...ref,
          scalableTargetArn: scalableTargetArn(partition, this.deps.ids.targetId()),
          creationTime: epochSeconds(this.deps.now()),
          roleArn: ECS_ROLE(partition),
        }),
        minCapacity,
        maxCapacity,
        ...(request.RoleARN ? { roleArn: request.RoleARN } : {}),
        suspendedState: {
          DynamicScalingInSuspended:
            suspended.DynamicScalingInSuspended ??
            existing?.suspendedState.DynamicScalingInSuspended ??
            false,
          DynamicScalingOutSuspended:
            suspended.DynamicScalingOutSuspended ??
            existing?.suspendedState.DynamicScalingOutSuspended ??
            false,
          ScheduledScalingSuspended:
            suspended.ScheduledScalingSuspended ??
            existing?.suspendedState.ScheduledScalingSuspended ??
            false,
        },
      };
      tx.put(AUTOSCALING_KIND.scalableTarget, key, scope, record);
      if (!existing && request.Tags) setTags(tx, scope, record.scalableTargetArn, request.Tags);
      return record;
    });
    this.changes.enforceBounds(partition, target);
    return target.scalableTargetArn;
  }

  /** Deletes the target, its policies and its scheduled actions; answers the alarm names to delete. */
  deregister(partition: Partition, ref: TargetRef): string[] {
    const scope = partitionKey(partition);
    const key = targetKey(scope, ref);
    return this.deps.store.transact((tx) => {
      const target = tx.get<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, key);
      if (!target) throw targetNotFound(ref);
      const alarms: string[] = [];
      for (const policy of tx.list<ScalingPolicyRecord>(AUTOSCALING_KIND.scalingPolicy, scope)) {
        if (targetKey(scope, policy) !== key) continue;
        alarms.push(...policy.alarms.map((a) => a.AlarmName));
        tx.delete(AUTOSCALING_KIND.scalingPolicy, `${key}|${policy.policyName}`);
      }
      for (const action of tx.list<ScheduledActionRecord>(AUTOSCALING_KIND.scheduledAction, scope)) {
        if (targetKey(scope, action) === key) {
          tx.delete(AUTOSCALING_KIND.scheduledAction, `${key}|${action.scheduledActionName}`);
        }
      }
      tx.delete(AUTOSCALING_KIND.tags, target.scalableTargetArn);
      tx.delete(AUTOSCALING_KIND.scalableTarget, key);
      return alarms;
    });
  }

  describe(partition: Partition, request: DescribeScalableTargetsRequest): Page<ScalableTarget> {
    checkFilter(request);
    const ids = request.ResourceIds;
    if (ids !== undefined && ids.length > 50) {
      throw validation(
        "1 validation error detected: Value at 'resourceIds' failed to satisfy constraint: Member must have length less than or equal to 50",
      );
    }
    const targets = this.deps.store
      .list<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, partitionKey(partition))
      .filter((t) => ids === undefined || ids.length === 0 || ids.includes(t.resourceId))
      .sort((a, b) => a.creationTime - b.creationTime || a.resourceId.localeCompare(b.resourceId))
      .map(targetView);
    return paginate(targets, request.MaxResults, request.NextToken);
  }

  private checkServiceExists(partition: Partition, ref: TargetRef): void {
    const { cluster, service } = serviceOfResource(ref.resourceId);
    try {
      this.deps.services.serviceDesiredCount(partition, cluster, service);
    } catch (error) {
      if (error instanceof ApiError) throw validation(`ECS service doesn't exist: ${ref.resourceId}`);
      throw error;
    }
  }
}
