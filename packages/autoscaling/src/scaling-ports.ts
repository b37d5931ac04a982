/**
 * What Application Auto Scaling needs from the rest of Berth, as ports the server implements:
 * - ScalableServices: an ECS service's counts and its desired count (ECS's use cases);
 * - ScalingAlarms: the CloudWatch alarms target tracking creates (CloudWatch's putMetricAlarm and
 *   deleteAlarms use cases, whose input is the wire PutMetricAlarmInput);
 * - ScalingMetrics: a metric's average over a recent period, for target tracking's capacity math.
 * CloudWatch calls back through `onAlarmAction` with an AlarmActionInvocation.
 */
import type { Partition } from '@berth/core';
import type { PutMetricAlarmInput } from '@berth/wire/cloudwatch';

export interface ScalableServiceCapacity {
  readonly desiredCount: number;
  readonly runningCount: number;
  /** A deployment is in progress: dynamic scale-in waits for it (as on AWS). */
  readonly deploying: boolean;
}

export interface ScalableServices {
  /** Throws ECS's error (ServiceNotFoundException, ClusterNotFoundException) when it is not there. */
  serviceDesiredCount(partition: Partition, cluster: string, service: string): ScalableServiceCapacity;
  setServiceDesiredCount(
    partition: Partition,
    cluster: string,
    service: string,
    count: number,
  ): ScalableServiceCapacity;
}

export interface AlarmDimension {
  readonly Name: string;
  readonly Value: string;
}

/** The wire PutMetricAlarmInput: CloudWatch's putMetricAlarm use case takes exactly this. */
export type ScalingAlarmInput = PutMetricAlarmInput;

/** Alarms belong to a partition (the scalable target's account and region). */
export interface ScalingAlarms {
  putMetricAlarm(input: ScalingAlarmInput, scope: Partition): Promise<void>;
  deleteAlarms(names: readonly string[], scope: Partition): Promise<void>;
}

export interface ScalingMetrics {
  /** The Average of the metric over the period that ended at `now` (epoch ms), if it has data. */
  average(
    partition: Partition,
    namespace: string,
    metricName: string,
    dimensions: readonly AlarmDimension[],
    periodSeconds: number,
    now: number,
  ): Promise<number | undefined>;
}

/** What CloudWatch's alarm evaluator hands an `arn:aws:autoscaling:` alarm action. */
export interface AlarmActionInvocation {
  readonly actionArn: string;
  readonly alarmName: string;
  readonly alarmArn: string;
  readonly newState: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly oldState: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly reason: string;
  /** Epoch ms (or an ISO string). */
  readonly timestamp: number | string;
  /** The alarm as DescribeAlarms shows it at the change; its StateReasonData holds the datapoints. */
  readonly alarm?: { readonly StateReasonData?: string };
}
