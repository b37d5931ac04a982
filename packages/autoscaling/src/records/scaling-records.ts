/**
 * The records Application Auto Scaling keeps in the state store, all scoped by partition key
 * (`<account>/<region>`): scalable targets, scaling policies, scheduled actions, scaling
 * activities and tags. Keys are built by the functions beside the kinds.
 */
import type {
  Alarm,
  NotScaledReason,
  ScalingActivityStatusCode,
  StepScalingPolicyConfiguration,
  SuspendedState,
  TargetTrackingScalingPolicyConfiguration,
} from '@berth/wire/application-autoscaling';
import type { ScalingEvent } from '@berth/scheduler';

export const AUTOSCALING_KIND = {
  scalableTarget: 'aas-scalable-target',
  scalingPolicy: 'aas-scaling-policy',
  scheduledAction: 'aas-scheduled-action',
  scalingActivity: 'aas-scaling-activity',
  tags: 'aas-tags',
} as const;

/** What names one scalable target: namespace, resource and dimension (ECS only, for now). */
export interface TargetRef {
  readonly serviceNamespace: 'ecs';
  readonly resourceId: string;
  readonly scalableDimension: 'ecs:service:DesiredCount';
}

export const targetKey = (partitionKey: string, ref: TargetRef): string =>
  `${partitionKey}|${ref.serviceNamespace}|${ref.resourceId}|${ref.scalableDimension}`;
export const memberKey = (partitionKey: string, ref: TargetRef, name: string): string =>
  `${targetKey(partitionKey, ref)}|${name}`;

export interface ScalableTargetRecord extends TargetRef {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly roleArn: string;
  readonly scalableTargetArn: string;
  /** Epoch seconds. */
  readonly creationTime: number;
  readonly suspendedState: Required<SuspendedState>;
  /** The last dynamic scale-out and scale-in, for cooldowns. */
  readonly lastScaleOut?: ScalingEvent;
  readonly lastScaleIn?: ScalingEvent;
}

/** A target-tracking policy's metric, as its alarms and its capacity reads watch it. */
export interface TrackedMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly { readonly Name: string; readonly Value: string }[];
  readonly statistic: string;
  readonly unit?: string;
}

export interface ScalingPolicyRecord extends TargetRef {
  readonly policyName: string;
  readonly policyArn: string;
  readonly policyType: 'StepScaling' | 'TargetTrackingScaling';
  readonly stepScaling?: StepScalingPolicyConfiguration;
  readonly targetTracking?: TargetTrackingScalingPolicyConfiguration;
  readonly trackedMetric?: TrackedMetric;
  /** The alarm period Berth created the policy's alarms with, seconds. */
  readonly alarmPeriod?: number;
  readonly alarms: readonly Alarm[];
  readonly creationTime: number;
}

export interface ScheduledActionRecord extends TargetRef {
  readonly scheduledActionName: string;
  readonly scheduledActionArn: string;
  readonly schedule: string;
  readonly timezone?: string;
  readonly startTime?: number;
  readonly endTime?: number;
  readonly minCapacity?: number;
  readonly maxCapacity?: number;
  readonly creationTime: number;
  /** When it last fired (or was due and skipped), epoch seconds. */
  readonly lastFiredAt?: number;
}

export interface ScalingActivityRecord extends TargetRef {
  readonly activityId: string;
  readonly description: string;
  readonly cause: string;
  readonly startTime: number;
  readonly endTime?: number;
  readonly statusCode: ScalingActivityStatusCode;
  readonly statusMessage?: string;
  readonly details?: string;
  readonly notScaledReasons?: readonly NotScaledReason[];
}

export interface TagsRecord {
  readonly resourceArn: string;
  readonly tags: Readonly<Record<string, string>>;
}
