/**
 * The one way Application Auto Scaling changes a service: set its desired count through ECS's use
 * case, then record a scaling activity (Successful, or Failed with ECS's message) and, for dynamic
 * scaling, the event its cooldowns start from. `enforceBounds` keeps a service's desired count
 * within its target's min and max after they change.
 */
import { ApiError, partitionKey, type Partition } from '@berth/core';
import { clampCapacity } from '@berth/scheduler';

import { AUTOSCALING_KIND, targetKey, type ScalableTargetRecord } from '../records/scaling-records.js';

import { desiredCountDescription, desiredCountSuccess, recordActivity } from './scaling-activities.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { serviceOfResource } from './target-request.js';

export interface DynamicChange {
  /** The cooldown of the policy making the change, seconds. */
  readonly cooldown: number;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class CapacityChanges {
  constructor(private readonly deps: ServiceDeps) {}

  /** The service's current counts, or undefined (logged) when ECS cannot say. */
  capacityOf(partition: Partition, target: ScalableTargetRecord) {
    const { cluster, service } = serviceOfResource(target.resourceId);
    try {
      return this.deps.services.serviceDesiredCount(partition, cluster, service);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.deps.log('auto scaling: service not readable', {
        resourceId: target.resourceId,
        error: error.message,
      });
      return undefined;
    }
  }

  /** Sets the desired count and records the activity; true when ECS took it. */
  setDesiredCount(
    partition: Partition,
    target: ScalableTargetRecord,
    from: number,
    count: number,
    cause: string,
    dynamic?: DynamicChange,
  ): boolean {
    const { cluster, service } = serviceOfResource(target.resourceId);
    const startTime = epochSeconds(this.deps.now());
    let failure: string | undefined;
    try {
      this.deps.services.setServiceDesiredCount(partition, cluster, service, count);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failure = messageOf(error);
    }
    const endTime = epochSeconds(this.deps.now());
    this.deps.store.transact((tx) => {
      recordActivity(tx, partition, {
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        activityId: this.deps.ids.uuid(),
        description: desiredCountDescription(count),
        cause,
        startTime,
        endTime,
        statusCode: failure === undefined ? 'Successful' : 'Failed',
        statusMessage:
          failure === undefined
            ? desiredCountSuccess(count)
            : `Failed to set desired count to ${count}. ${failure}`,
      });
      if (failure !== undefined || !dynamic) return;
      const key = targetKey(partitionKey(partition), target);
      const latest = tx.get<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, key);
      if (!latest) return;
      const event = { at: startTime, capacity: count, cooldown: dynamic.cooldown };
      tx.put(AUTOSCALING_KIND.scalableTarget, key, partitionKey(partition), {
        ...latest,
        ...(count > from ? { lastScaleOut: event } : { lastScaleIn: event }),
      });
    });
    return failure === undefined;
  }

  /** Moves the desired count into [min, max] if it is outside; the cause names the bound that moved it. */
  enforceBounds(partition: Partition, target: ScalableTargetRecord): void {
    const capacity = this.capacityOf(partition, target);
    if (!capacity) return;
    const current = capacity.desiredCount;
    const bounded = clampCapacity(current, target.minCapacity, target.maxCapacity);
    if (bounded === current) return;
    const cause =
      bounded > current
        ? `minimum capacity was set to ${target.minCapacity}`
        : `maximum capacity was set to ${target.maxCapacity}`;
    this.setDesiredCount(partition, target, current, bounded, cause);
  }
}
