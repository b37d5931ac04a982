/**
 * Runs a scaling policy when one of its alarms goes to (or stays in) ALARM: CloudWatch's alarm
 * evaluator calls `onAlarmAction` with the policy ARN as the action. OK and INSUFFICIENT_DATA
 * trigger nothing.
 * - Target tracking reads the tracked metric's current average (ScalingMetrics) and scales the
 *   running count by it: out on the High alarm, in on the Low one (never during an ECS deployment,
 *   nor with DisableScaleIn).
 * - Step scaling picks its step from the alarm's breaching datapoints and threshold.
 * The result is clamped to min/max, checked against cooldowns and suspended state, and applied
 * through CapacityChanges (which records the activity). Reaching a bound that stops the change is
 * recorded as a not-scaled activity.
 */
import { partitionKey, type Partition } from '@berth/core';
import {
  clampCapacity,
  cooldownDecision,
  effectiveCooldown,
  selectStepAdjustment,
  stepCapacity,
  targetTrackingCapacity,
} from '@berth/scheduler';

import { parsePolicyArn } from '../records/autoscaling-arns.js';
import {
  AUTOSCALING_KIND,
  memberKey,
  type ScalableTargetRecord,
  type ScalingPolicyRecord,
  type TargetRef,
} from '../records/scaling-records.js';
import type { AlarmActionInvocation, ScalableServiceCapacity } from '../scaling-ports.js';

import { aggregate, readAlarmReason } from './alarm-reason.js';
import type { CapacityChanges } from './capacity-changes.js';
import { findTarget } from './scalable-targets-service.js';
import { alarmCause, notScaled, recordActivity } from './scaling-activities.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

/** What one alarm action came to. */
export type AlarmActionOutcome =
  | { readonly outcome: 'scaled'; readonly from: number; readonly to: number }
  | { readonly outcome: 'not-scaled'; readonly why: string };

interface Proposal {
  readonly proposed: number;
  readonly current: number;
  readonly cooldown: number;
}

const skip = (why: string): AlarmActionOutcome => ({ outcome: 'not-scaled', why });

export class AlarmActionsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly changes: CapacityChanges,
  ) {}

  async onAlarmAction(invocation: AlarmActionInvocation): Promise<AlarmActionOutcome> {
    if (invocation.newState !== 'ALARM') return skip(`alarm state ${invocation.newState}`);
    const parts = parsePolicyArn(invocation.actionArn);
    if (!parts) return skip(`not a scaling policy ARN: ${invocation.actionArn}`);
    const { partition } = parts;
    const ref: TargetRef = {
      serviceNamespace: 'ecs',
      resourceId: parts.resourceId,
      scalableDimension: 'ecs:service:DesiredCount',
    };
    const policy = this.deps.store.get<ScalingPolicyRecord>(
      AUTOSCALING_KIND.scalingPolicy,
      memberKey(partitionKey(partition), ref, parts.policyName),
    );
    if (!policy || policy.policyArn !== invocation.actionArn) return skip('no such scaling policy');
    const target = findTarget(this.deps, partition, ref);
    if (!target) return skip('no scalable target');
    const capacity = this.changes.capacityOf(partition, target);
    if (!capacity) return skip('the ECS service cannot be read');
    const proposal =
      policy.policyType === 'TargetTrackingScaling'
        ? await this.targetTrackingProposal(partition, policy, invocation, capacity)
        : this.stepProposal(policy, invocation, capacity);
    if ('outcome' in proposal) return proposal;
    return this.apply(partition, target, policy, invocation, capacity, proposal);
  }

  /** The capacity one target-tracking policy asks for from `base`, or undefined without metric data. */
  private async trackedCapacity(
    partition: Partition,
    policy: ScalingPolicyRecord,
    base: number,
  ): Promise<number | undefined> {
    const config = policy.targetTracking;
    const metric = policy.trackedMetric;
    if (!config || !metric) return undefined;
    const value = await this.deps.metrics.average(
      partition,
      metric.namespace,
      metric.metricName,
      metric.dimensions,
      policy.alarmPeriod ?? 60,
      this.deps.now(),
    );
    if (value === undefined) return undefined;
    return targetTrackingCapacity({
      current: base,
      metric: value,
      target: config.TargetValue,
      disableScaleIn: config.DisableScaleIn === true,
    });
  }

  /**
   * Target tracking: the High alarm only scales out and the Low one only in. The base is the
   * running count, but capacity already asked for (desired above running) counts toward a
   * scale-out. Scale-in goes only as far as every target-tracking policy of the target agrees (a
   * policy without metric data has no say).
   */
  private async targetTrackingProposal(
    partition: Partition,
    policy: ScalingPolicyRecord,
    invocation: AlarmActionInvocation,
    capacity: ScalableServiceCapacity,
  ): Promise<Proposal | AlarmActionOutcome> {
    const config = policy.targetTracking;
    if (!config) return skip('target tracking policy without a configuration');
    const base = capacity.runningCount > 0 ? capacity.runningCount : capacity.desiredCount;
    const own = await this.trackedCapacity(partition, policy, base);
    if (own === undefined) return skip('no metric data');
    const high = invocation.alarmName.includes('-AlarmHigh-');
    let proposed = high ? Math.max(own, capacity.desiredCount) : Math.min(own, capacity.desiredCount);
    if (!high) {
      for (const other of this.otherTrackingPolicies(partition, policy)) {
        const theirs = await this.trackedCapacity(partition, other, base);
        if (theirs !== undefined) proposed = Math.max(proposed, Math.min(theirs, capacity.desiredCount));
      }
    }
    return {
      proposed,
      current: capacity.desiredCount,
      cooldown: (high ? config.ScaleOutCooldown : config.ScaleInCooldown) ?? 300,
    };
  }

  private otherTrackingPolicies(partition: Partition, policy: ScalingPolicyRecord): ScalingPolicyRecord[] {
    return this.deps.store
      .list<ScalingPolicyRecord>(AUTOSCALING_KIND.scalingPolicy, partitionKey(partition))
      .filter(
        (p) =>
          p.resourceId === policy.resourceId &&
          p.policyName !== policy.policyName &&
          p.policyType === 'TargetTrackingScaling',
      );
  }

  private stepProposal(
    policy: ScalingPolicyRecord,
    invocation: AlarmActionInvocation,
    capacity: ScalableServiceCapacity,
  ): Proposal | AlarmActionOutcome {
    const config = policy.stepScaling;
    if (!config?.AdjustmentType) return skip('step policy without configuration');
    const reading = readAlarmReason(invocation.reason, invocation.alarm?.StateReasonData);
    if (!reading) return skip(`the alarm's reason gives no datapoints: ${invocation.reason}`);
    const value = aggregate(reading.datapoints, config.MetricAggregationType ?? 'Average');
    const step = selectStepAdjustment(config.StepAdjustments ?? [], value, reading.threshold);
    if (!step) return skip(`no step adjustment holds ${value} against threshold ${reading.threshold}`);
    return {
      proposed: stepCapacity({
        current: capacity.desiredCount,
        adjustmentType: config.AdjustmentType,
        scalingAdjustment: step.ScalingAdjustment,
        ...(config.MinAdjustmentMagnitude !== undefined
          ? { minAdjustmentMagnitude: config.MinAdjustmentMagnitude }
          : {}),
      }),
      current: capacity.desiredCount,
      cooldown: config.Cooldown ?? 300,
    };
  }

  private apply(
    partition: Partition,
    target: ScalableTargetRecord,
    policy: ScalingPolicyRecord,
    invocation: AlarmActionInvocation,
    capacity: ScalableServiceCapacity,
    { proposed, current, cooldown }: Proposal,
  ): AlarmActionOutcome {
    const bounded = clampCapacity(proposed, target.minCapacity, target.maxCapacity);
    const cause = alarmCause(invocation.alarmName, policy.policyName);
    if (bounded === current) {
      if (proposed !== current) this.recordNotScaled(partition, target, cause, proposed, current);
      return skip('already at that capacity');
    }
    const out = bounded > current;
    if (out && target.suspendedState.DynamicScalingOutSuspended)
      return skip('dynamic scale-out is suspended');
    if (!out && target.suspendedState.DynamicScalingInSuspended) return skip('dynamic scale-in is suspended');
    if (!out && capacity.deploying) return skip('scale-in waits for the ECS deployment');
    const cap = this.deps.settings.cooldownCapSeconds;
    const decision = cooldownDecision({
      now: epochSeconds(this.deps.now()),
      current,
      proposed: bounded,
      ...(target.lastScaleOut ? { lastScaleOut: target.lastScaleOut } : {}),
      ...(target.lastScaleIn ? { lastScaleIn: target.lastScaleIn } : {}),
      ...(cap !== undefined ? { cap } : {}),
    });
    if (!decision.allowed) return skip(decision.reason);
    const ok = this.changes.setDesiredCount(partition, target, current, bounded, cause, {
      cooldown: effectiveCooldown(cooldown, cap),
    });
    return ok ? { outcome: 'scaled', from: current, to: bounded } : skip('ECS refused the desired count');
  }

  private recordNotScaled(
    partition: Partition,
    target: ScalableTargetRecord,
    cause: string,
    proposed: number,
    current: number,
  ): void {
    const now = epochSeconds(this.deps.now());
    const atMax = proposed > current;
    this.deps.store.transact((tx) =>
      recordActivity(tx, partition, {
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        activityId: this.deps.ids.uuid(),
        description: `Attempting to set desired count to ${proposed}.`,
        cause,
        startTime: now,
        endTime: now,
        statusCode: 'Failed',
        statusMessage: `Failed to set desired count to ${proposed}: the scalable target is already at its ${atMax ? 'maximum' : 'minimum'} capacity.`,
        notScaledReasons: [
          notScaled(atMax ? 'AlreadyAtMaxCapacity' : 'AlreadyAtMinCapacity', current, {
            min: target.minCapacity,
            max: target.maxCapacity,
          }),
        ],
      }),
    );
  }
}
