/**
 * Scaling activities: each change Application Auto Scaling makes (or declines to make) is one
 * record, with AWS's Description/Cause/StatusMessage texts. A target keeps its latest
 * MAX_ACTIVITIES_PER_TARGET activities.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreTransaction } from '@berth/store';
import type { NotScaledReason, ScalingActivity } from '@berth/wire/application-autoscaling';

import { AUTOSCALING_KIND, type ScalingActivityRecord, type TargetRef } from '../records/scaling-records.js';

export const MAX_ACTIVITIES_PER_TARGET = 100;

export const desiredCountDescription = (count: number): string => `Setting desired count to ${count}.`;
export const desiredCountSuccess = (count: number): string =>
  `Successfully set desired count to ${count}. Change successfully fulfilled by ecs.`;
export const alarmCause = (alarmName: string, policyName: string): string =>
  `monitor alarm ${alarmName} in state ALARM triggered policy ${policyName}`;
export const scheduledCause = (actionName: string): string =>
  `scheduled action name ${actionName} was triggered`;
export const boundsDescription = (min: number | undefined, max: number | undefined): string =>
  [min !== undefined ? `min capacity to ${min}` : '', max !== undefined ? `max capacity to ${max}` : '']
    .filter(Boolean)
    .join(' and ');

const sameTarget = (a: TargetRef, b: TargetRef): boolean =>
  a.resourceId === b.resourceId && a.scalableDimension === b.scalableDimension;

export const recordActivity = (
  tx: StoreTransaction,
  partition: Partition,
  activity: ScalingActivityRecord,
): void => {
  const scope = partitionKey(partition);
  tx.put(AUTOSCALING_KIND.scalingActivity, `${scope}|${activity.activityId}`, scope, activity);
  const ofTarget = tx
    .list<ScalingActivityRecord>(AUTOSCALING_KIND.scalingActivity, scope)
    .filter((a) => sameTarget(a, activity))
    .sort((a, b) => b.startTime - a.startTime);
  for (const old of ofTarget.slice(MAX_ACTIVITIES_PER_TARGET)) {
    tx.delete(AUTOSCALING_KIND.scalingActivity, `${scope}|${old.activityId}`);
  }
};

export const notScaled = (
  code: 'AlreadyAtMaxCapacity' | 'AlreadyAtMinCapacity' | 'AlreadyAtDesiredCapacity',
  current: number,
  bounds: { min: number; max: number },
): NotScaledReason => ({
  Code: code,
  CurrentCapacity: current,
  ...(code === 'AlreadyAtMaxCapacity' ? { MaxCapacity: bounds.max } : {}),
  ...(code === 'AlreadyAtMinCapacity' ? { MinCapacity: bounds.min } : {}),
});

export const activityView = (a: ScalingActivityRecord): ScalingActivity => ({
  ActivityId: a.activityId,
  ServiceNamespace: a.serviceNamespace,
  ResourceId: a.resourceId,
  ScalableDimension: a.scalableDimension,
  Description: a.description,
  Cause: a.cause,
  StartTime: a.startTime,
  ...(a.endTime !== undefined ? { EndTime: a.endTime } : {}),
  StatusCode: a.statusCode,
  ...(a.statusMessage !== undefined ? { StatusMessage: a.statusMessage } : {}),
  ...(a.details !== undefined ? { Details: a.details } : {}),
  ...(a.notScaledReasons ? { NotScaledReasons: [...a.notScaledReasons] } : {}),
});
