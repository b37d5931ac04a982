/**
 * Fires one scheduled action: sets its target's min and/or max (a new min above the max raises the
 * max, a new max below the min lowers the min), records the activity, marks the action fired, then
 * moves the service's desired count into the new bounds. With ScheduledScalingSuspended the action
 * is marked fired and nothing changes.
 */
import { partitionKey, partitionOfArn } from '@berth/core';

import {
  AUTOSCALING_KIND,
  memberKey,
  targetKey,
  type ScalableTargetRecord,
  type ScheduledActionRecord,
} from '../records/scaling-records.js';

import type { CapacityChanges } from './capacity-changes.js';
import { boundsDescription, recordActivity, scheduledCause } from './scaling-activities.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

export class ScheduledActionRunner {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly changes: CapacityChanges,
  ) {}

  /** Fires `action` for its fire time `firedAt` (epoch seconds). */
  fire(action: ScheduledActionRecord, firedAt: number): void {
    const partition = partitionOfArn(action.scheduledActionArn);
    const scope = partitionKey(partition);
    const updated = this.deps.store.transact((tx) => {
      const key = memberKey(scope, action, action.scheduledActionName);
      const current = tx.get<ScheduledActionRecord>(AUTOSCALING_KIND.scheduledAction, key);
      if (!current || current.scheduledActionArn !== action.scheduledActionArn) return undefined;
      tx.put(AUTOSCALING_KIND.scheduledAction, key, scope, { ...current, lastFiredAt: firedAt });
      const tKey = targetKey(scope, action);
      const target = tx.get<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget, tKey);
      if (!target || target.suspendedState.ScheduledScalingSuspended) return undefined;
      const min = current.minCapacity ?? target.minCapacity;
      const max = current.maxCapacity ?? target.maxCapacity;
      const bounds =
        min > max
          ? current.minCapacity !== undefined
            ? { minCapacity: min, maxCapacity: min }
            : { minCapacity: max, maxCapacity: max }
          : { minCapacity: min, maxCapacity: max };
      const next: ScalableTargetRecord = { ...target, ...bounds };
      tx.put(AUTOSCALING_KIND.scalableTarget, tKey, scope, next);
      const now = epochSeconds(this.deps.now());
      const what = boundsDescription(current.minCapacity, current.maxCapacity);
      recordActivity(tx, partition, {
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        activityId: this.deps.ids.uuid(),
        description: `Setting ${what}`,
        cause: scheduledCause(current.scheduledActionName),
        startTime: now,
        endTime: now,
        statusCode: 'Successful',
        statusMessage: `Successfully set ${what}. Change successfully fulfilled by application-autoscaling.`,
      });
      return next;
    });
    if (updated) this.changes.enforceBounds(partition, updated);
  }
}
