/**
 * PutScalingPolicy, DeleteScalingPolicy and DescribeScalingPolicies. A policy belongs to a
 * registered target; putting one by an existing name replaces its configuration and keeps its ARN
 * and alarm names. Target tracking creates (or updates) its CloudWatch alarms through the
 * ScalingAlarms port before the policy is stored: when they cannot be made, the request fails with
 * FailedResourceAccessException and nothing is stored. Step scaling needs no alarms of Berth's.
 */
import { ApiError, partitionKey, type Partition } from '@berth/core';
import type {
  DescribeScalingPoliciesRequest,
  PutScalingPolicyRequest,
  PutScalingPolicyResponse,
  ScalingPolicy,
} from '@berth/wire/application-autoscaling';

import { alarmArn, scalingPolicyArn } from '../records/autoscaling-arns.js';
import {
  AUTOSCALING_KIND,
  memberKey,
  targetKey,
  type ScalingPolicyRecord,
  type TargetRef,
} from '../records/scaling-records.js';

import {
  alarmsUnavailable,
  notSupported,
  policyNotFound,
  targetNotFound,
  validation,
} from './autoscaling-errors.js';
import { paginate, type Page } from './pagination.js';
import { requireTarget } from './scalable-targets-service.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { checkStepScaling } from './step-policy-rules.js';
import { checkFilter, requireMember, serviceOfResource, targetRefOf } from './target-request.js';
import {
  checkTargetTracking,
  targetTrackingAlarmNames,
  targetTrackingAlarms,
} from './target-tracking-rules.js';

const POLICY_NAME = /^\p{Any}{1,256}$/u;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const policyView = (p: ScalingPolicyRecord): ScalingPolicy => ({
  PolicyARN: p.policyArn,
  PolicyName: p.policyName,
  ServiceNamespace: p.serviceNamespace,
  ResourceId: p.resourceId,
  ScalableDimension: p.scalableDimension,
  PolicyType: p.policyType,
  ...(p.stepScaling ? { StepScalingPolicyConfiguration: p.stepScaling } : {}),
  ...(p.targetTracking ? { TargetTrackingScalingPolicyConfiguration: p.targetTracking } : {}),
  Alarms: p.alarms.map((a) => ({ ...a })),
  CreationTime: p.creationTime,
});

export class ScalingPoliciesService {
  constructor(private readonly deps: ServiceDeps) {}

  async put(partition: Partition, request: PutScalingPolicyRequest): Promise<PutScalingPolicyResponse> {
    const ref = targetRefOf(request);
    requireMember(request.PolicyName, 'policyName');
    if (!POLICY_NAME.test(request.PolicyName) || request.PolicyName.includes(':')) {
      throw validation(`Invalid policy name: ${request.PolicyName}`);
    }
    const policyType = request.PolicyType ?? 'StepScaling';
    if (policyType === 'PredictiveScaling') throw notSupported('predictive scaling policies');
    if (policyType !== 'StepScaling' && policyType !== 'TargetTrackingScaling') {
      throw validation(`Unsupported policy type: ${String(policyType)}`);
    }
    requireTarget(this.deps, partition, ref);
    const scope = partitionKey(partition);
    const key = memberKey(scope, ref, request.PolicyName);
    const existing = this.deps.store.get<ScalingPolicyRecord>(AUTOSCALING_KIND.scalingPolicy, key);
    const policyArn =
      existing?.policyArn ??
      scalingPolicyArn(partition, this.deps.ids.uuid(), ref.resourceId, request.PolicyName);
    const base = {
      ...ref,
      policyName: request.PolicyName,
      policyArn,
      creationTime: existing?.creationTime ?? epochSeconds(this.deps.now()),
    };
    const record: ScalingPolicyRecord =
      policyType === 'StepScaling'
        ? this.stepPolicy(base, request)
        : await this.targetTrackingPolicy(partition, base, request, existing);
    const stale = (existing?.alarms ?? []).filter(
      (a) => !record.alarms.some((b) => b.AlarmName === a.AlarmName),
    );
    const stored = this.deps.store.transact((tx) => {
      if (!tx.get(AUTOSCALING_KIND.scalableTarget, targetKey(scope, ref))) return false;
      tx.put(AUTOSCALING_KIND.scalingPolicy, key, scope, record);
      return true;
    });
    if (!stored) {
      await this.deleteAlarms(
        partition,
        `of scaling policy ${record.policyName}`,
        record.alarms.map((a) => a.AlarmName),
      );
      throw targetNotFound(ref);
    }
    await this.deleteAlarms(
      partition,
      `of scaling policy ${record.policyName}`,
      stale.map((a) => a.AlarmName),
    );
    return {
      PolicyARN: policyArn,
      ...(record.alarms.length ? { Alarms: record.alarms.map((a) => ({ ...a })) } : {}),
    };
  }

  async delete(partition: Partition, ref: TargetRef, name: string): Promise<void> {
    requireMember(name, 'policyName');
    const scope = partitionKey(partition);
    const key = memberKey(scope, ref, name);
    const policy = this.deps.store.get<ScalingPolicyRecord>(AUTOSCALING_KIND.scalingPolicy, key);
    if (!policy) throw policyNotFound(ref, name);
    await this.deleteAlarms(
      partition,
      `of scaling policy ${name}`,
      policy.alarms.map((a) => a.AlarmName),
    );
    this.deps.store.transact((tx) => tx.delete(AUTOSCALING_KIND.scalingPolicy, key));
  }

  describe(partition: Partition, request: DescribeScalingPoliciesRequest): Page<ScalingPolicy> {
    checkFilter(request);
    const names = request.PolicyNames;
    const policies = this.deps.store
      .list<ScalingPolicyRecord>(AUTOSCALING_KIND.scalingPolicy, partitionKey(partition))
      .filter((p) => request.ResourceId === undefined || p.resourceId === request.ResourceId)
      .filter((p) => names === undefined || names.length === 0 || names.includes(p.policyName))
      .sort((a, b) => a.creationTime - b.creationTime || a.policyName.localeCompare(b.policyName))
      .map(policyView);
    return paginate(policies, request.MaxResults, request.NextToken);
  }

  /** Deletes alarms Berth made for a policy; a failure is FailedResourceAccessException. */
  async deleteAlarms(partition: Partition, whose: string, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    try {
      await this.deps.alarms.deleteAlarms(names, partition);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ResourceNotFound') return;
      throw new ApiError(
        'FailedResourceAccessException',
        `Failed to delete the CloudWatch alarms ${whose}: ${messageOf(error)}`,
        400,
      );
    }
  }

  private stepPolicy(
    base: Omit<ScalingPolicyRecord, 'policyType' | 'alarms'>,
    request: PutScalingPolicyRequest,
  ): ScalingPolicyRecord {
    if (request.TargetTrackingScalingPolicyConfiguration !== undefined) {
      throw validation(
        'TargetTrackingScalingPolicyConfiguration is not valid for a policy of type StepScaling.',
      );
    }
    const config = checkStepScaling(request.StepScalingPolicyConfiguration);
    return { ...base, policyType: 'StepScaling', stepScaling: config, alarms: [] };
  }

  private async targetTrackingPolicy(
    partition: Partition,
    base: Omit<ScalingPolicyRecord, 'policyType' | 'alarms'>,
    request: PutScalingPolicyRequest,
    existing: ScalingPolicyRecord | undefined,
  ): Promise<ScalingPolicyRecord> {
    if (request.StepScalingPolicyConfiguration !== undefined) {
      throw validation(
        'StepScalingPolicyConfiguration is not valid for a policy of type TargetTrackingScaling.',
      );
    }
    const config = request.TargetTrackingScalingPolicyConfiguration;
    const { cluster, service } = serviceOfResource(base.resourceId);
    const metric = checkTargetTracking(config, cluster, service);
    if (!config) throw validation('TargetTrackingScalingPolicyConfiguration is required.');
    const known = existing?.policyType === 'TargetTrackingScaling' ? existing.alarms : [];
    const fresh = targetTrackingAlarmNames(base.resourceId, () => this.deps.ids.uuid());
    const names = {
      high: known.find((a) => a.AlarmName.includes('-AlarmHigh-'))?.AlarmName ?? fresh.high,
      low: known.find((a) => a.AlarmName.includes('-AlarmLow-'))?.AlarmName ?? fresh.low,
    };
    const period = this.deps.settings.targetTrackingAlarmPeriodSeconds;
    const inputs = targetTrackingAlarms(base.policyArn, names, metric, config, period);
    try {
      for (const input of inputs) await this.deps.alarms.putMetricAlarm(input, partition);
    } catch (error) {
      throw alarmsUnavailable(base.policyName, messageOf(error));
    }
    return {
      ...base,
      policyType: 'TargetTrackingScaling',
      targetTracking: config,
      trackedMetric: metric,
      alarmPeriod: period,
      alarms: inputs.map((i) => ({ AlarmName: i.AlarmName, AlarmARN: alarmArn(partition, i.AlarmName) })),
    };
  }
}
