/**
 * PutScheduledAction, DeleteScheduledAction and DescribeScheduledActions. Putting an action by an
 * existing name replaces the members given and keeps its ARN; a new action needs a Schedule. The
 * schedule (at/rate/cron), Timezone and StartTime/EndTime are checked here; the scheduled-action
 * controller fires them.
 */
import { partitionKey, type Partition } from '@berth/core';
import { isValidTimezone, parseScalingSchedule } from '@berth/scheduler';
import type {
  DescribeScheduledActionsRequest,
  PutScheduledActionRequest,
  ScheduledAction,
} from '@berth/wire/application-autoscaling';

import { scheduledActionArn } from '../records/autoscaling-arns.js';
import {
  AUTOSCALING_KIND,
  memberKey,
  type ScheduledActionRecord,
  type TargetRef,
} from '../records/scaling-records.js';

import { scheduledActionNotFound, validation } from './autoscaling-errors.js';
import { paginate, type Page } from './pagination.js';
import { requireTarget } from './scalable-targets-service.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { checkCapacity, checkFilter, requireMember, targetRefOf } from './target-request.js';

export const scheduledActionView = (a: ScheduledActionRecord): ScheduledAction => ({
  ScheduledActionName: a.scheduledActionName,
  ScheduledActionARN: a.scheduledActionArn,
  ServiceNamespace: a.serviceNamespace,
  Schedule: a.schedule,
  ...(a.timezone !== undefined ? { Timezone: a.timezone } : {}),
  ResourceId: a.resourceId,
  ScalableDimension: a.scalableDimension,
  ...(a.startTime !== undefined ? { StartTime: a.startTime } : {}),
  ...(a.endTime !== undefined ? { EndTime: a.endTime } : {}),
  ...(a.minCapacity !== undefined || a.maxCapacity !== undefined
    ? {
        ScalableTargetAction: {
          ...(a.minCapacity !== undefined ? { MinCapacity: a.minCapacity } : {}),
          ...(a.maxCapacity !== undefined ? { MaxCapacity: a.maxCapacity } : {}),
        },
      }
    : {}),
  CreationTime: a.creationTime,
});

const checkSchedule = (schedule: string): void => {
  const parsed = parseScalingSchedule(schedule);
  if (!parsed.ok) throw validation(`Invalid schedule expression ${schedule}: ${parsed.problem}.`);
};

export class ScheduledActionsService {
  constructor(private readonly deps: ServiceDeps) {}

  put(partition: Partition, request: PutScheduledActionRequest): void {
    const ref = targetRefOf(request);
    requireMember(request.ScheduledActionName, 'scheduledActionName');
    if (request.ScheduledActionName.includes(':') || request.ScheduledActionName.length > 256) {
      throw validation(`Invalid scheduled action name: ${request.ScheduledActionName}`);
    }
    if (request.Schedule !== undefined) checkSchedule(request.Schedule);
    if (request.Timezone !== undefined && !isValidTimezone(request.Timezone)) {
      throw validation(`Invalid timezone: ${request.Timezone}`);
    }
    const min = checkCapacity(request.ScalableTargetAction?.MinCapacity, 'scalableTargetAction.minCapacity');
    const max = checkCapacity(request.ScalableTargetAction?.MaxCapacity, 'scalableTargetAction.maxCapacity');
    if (request.ScalableTargetAction !== undefined && min === undefined && max === undefined) {
      throw validation('At least one of minimum capacity and maximum capacity should be provided');
    }
    if (min !== undefined && max !== undefined && min > max) {
      throw validation(`Minimum capacity (${min}) cannot be greater than maximum capacity (${max}).`);
    }
    requireTarget(this.deps, partition, ref);
    const scope = partitionKey(partition);
    const key = memberKey(scope, ref, request.ScheduledActionName);
    this.deps.store.transact((tx) => {
      const existing = tx.get<ScheduledActionRecord>(AUTOSCALING_KIND.scheduledAction, key);
      const schedule = request.Schedule ?? existing?.schedule;
      if (schedule === undefined) throw validation('Schedule is required to create a new scheduled action.');
      const startTime = request.StartTime ?? existing?.startTime;
      const endTime = request.EndTime ?? existing?.endTime;
      if (startTime !== undefined && endTime !== undefined && startTime >= endTime) {
        throw validation('EndTime must be after StartTime.');
      }
      const timezone = request.Timezone ?? existing?.timezone;
      const minCapacity = request.ScalableTargetAction ? min : existing?.minCapacity;
      const maxCapacity = request.ScalableTargetAction ? max : existing?.maxCapacity;
      const record: ScheduledActionRecord = {
        ...ref,
        scheduledActionName: request.ScheduledActionName,
        scheduledActionArn:
          existing?.scheduledActionArn ??
          scheduledActionArn(partition, this.deps.ids.uuid(), ref.resourceId, request.ScheduledActionName),
        schedule,
        // A replaced action starts over: it fires from now on, by its new schedule.
        creationTime: epochSeconds(this.deps.now()),
        ...(timezone !== undefined ? { timezone } : {}),
        ...(startTime !== undefined ? { startTime } : {}),
        ...(endTime !== undefined ? { endTime } : {}),
        ...(minCapacity !== undefined ? { minCapacity } : {}),
        ...(maxCapacity !== undefined ? { maxCapacity } : {}),
      };
      tx.put(AUTOSCALING_KIND.scheduledAction, key, scope, record);
    });
  }

  delete(partition: Partition, ref: TargetRef, name: string): void {
    requireMember(name, 'scheduledActionName');
    const key = memberKey(partitionKey(partition), ref, name);
    this.deps.store.transact((tx) => {
      if (!tx.get(AUTOSCALING_KIND.scheduledAction, key)) throw scheduledActionNotFound(ref, name);
      tx.delete(AUTOSCALING_KIND.scheduledAction, key);
    });
  }

  describe(partition: Partition, request: DescribeScheduledActionsRequest): Page<ScheduledAction> {
    checkFilter(request);
    const names = request.ScheduledActionNames;
    const actions = this.deps.store
      .list<ScheduledActionRecord>(AUTOSCALING_KIND.scheduledAction, partitionKey(partition))
      .filter((a) => request.ResourceId === undefined || a.resourceId === request.ResourceId)
      .filter((a) => names === undefined || names.length === 0 || names.includes(a.scheduledActionName))
      .sort(
        (a, b) =>
          a.creationTime - b.creationTime || a.scheduledActionName.localeCompare(b.scheduledActionName),
      )
      .map(scheduledActionView);
    return paginate(actions, request.MaxResults, request.NextToken);
  }
}
