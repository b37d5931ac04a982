/**
 * TargetTrackingScalingPolicyConfiguration's rules and the CloudWatch alarms it stands on.
 * - Metrics: ECSServiceAverageCPUUtilization and ECSServiceAverageMemoryUtilization (AWS/ECS,
 *   Average, Percent, {ClusterName, ServiceName}); ALBRequestCountPerTarget (AWS/ApplicationELB
 *   RequestCountPerTarget, Sum, {TargetGroup} from the ResourceLabel); or a customized metric
 *   (Namespace/MetricName/Dimensions/Statistic/Unit; metric math is refused).
 * - Alarms, as AWS creates them: `TargetTracking-<resourceId>-AlarmHigh-<uuid>` (above the target,
 *   3 periods) and, unless DisableScaleIn, `…-AlarmLow-<uuid>` (below 0.9 × target, 15 periods),
 *   each acting on the policy ARN and described "DO NOT EDIT OR DELETE. …".
 */
import type { TargetTrackingScalingPolicyConfiguration } from '@berth/wire/application-autoscaling';

import type { StandardUnit, Statistic } from '@berth/wire/cloudwatch';

import type { TrackedMetric } from '../records/scaling-records.js';
import type { ScalingAlarmInput } from '../scaling-ports.js';

import { notSupported, validation } from './autoscaling-errors.js';

const RESOURCE_LABEL = /^app\/[^/]+\/[^/]+\/(targetgroup\/[^/]+\/[^/]+)$/;
const STATISTICS = ['Average', 'Minimum', 'Maximum', 'SampleCount', 'Sum'];

export const HIGH_ALARM_PERIODS = 3;
export const LOW_ALARM_PERIODS = 15;
export const LOW_ALARM_FACTOR = 0.9;

const predefinedMetric = (
  type: string,
  resourceLabel: string | undefined,
  cluster: string,
  service: string,
): TrackedMetric => {
  const serviceDimensions = [
    { Name: 'ClusterName', Value: cluster },
    { Name: 'ServiceName', Value: service },
  ];
  switch (type) {
    case 'ECSServiceAverageCPUUtilization':
    case 'ECSServiceAverageMemoryUtilization':
      if (resourceLabel !== undefined) throw validation(`ResourceLabel is not valid for ${type}.`);
      return {
        namespace: 'AWS/ECS',
        metricName: type === 'ECSServiceAverageCPUUtilization' ? 'CPUUtilization' : 'MemoryUtilization',
        dimensions: serviceDimensions,
        statistic: 'Average',
        unit: 'Percent',
      };
    case 'ALBRequestCountPerTarget': {
      const match = RESOURCE_LABEL.exec(resourceLabel ?? '');
      if (!match?.[1]) {
        throw validation(
          'ResourceLabel is required for ALBRequestCountPerTarget and must look like app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>.',
        );
      }
      return {
        namespace: 'AWS/ApplicationELB',
        metricName: 'RequestCountPerTarget',
        dimensions: [{ Name: 'TargetGroup', Value: match[1] }],
        statistic: 'Sum',
      };
    }
    default:
      throw validation(
        `Unsupported predefined metric type ${type} for scalable dimension ecs:service:DesiredCount.`,
      );
  }
};

/** The metric the policy tracks; throws ValidationException for a configuration AWS (or Berth) refuses. */
export const checkTargetTracking = (
  config: TargetTrackingScalingPolicyConfiguration | undefined,
  cluster: string,
  service: string,
): TrackedMetric => {
  if (!config) {
    throw validation(
      'TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling.',
    );
  }
  if (typeof config.TargetValue !== 'number' || !(config.TargetValue > 0)) {
    throw validation('TargetValue must be a number greater than 0.');
  }
  for (const [member, value] of [
    ['ScaleOutCooldown', config.ScaleOutCooldown],
    ['ScaleInCooldown', config.ScaleInCooldown],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw validation(`${member} must be a non-negative integer.`);
    }
  }
  const predefined = config.PredefinedMetricSpecification;
  const customized = config.CustomizedMetricSpecification;
  if ((predefined === undefined) === (customized === undefined)) {
    throw validation(
      'Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified.',
    );
  }
  if (predefined)
    return predefinedMetric(predefined.PredefinedMetricType, predefined.ResourceLabel, cluster, service);
  if (customized?.Metrics !== undefined) {
    throw notSupported('metric math (Metrics) in a CustomizedMetricSpecification');
  }
  if (!customized?.Namespace || !customized.MetricName || !customized.Statistic) {
    throw validation('A CustomizedMetricSpecification needs MetricName, Namespace and Statistic.');
  }
  if (!STATISTICS.includes(customized.Statistic))
    throw validation(`Unsupported statistic ${customized.Statistic}.`);
  return {
    namespace: customized.Namespace,
    metricName: customized.MetricName,
    dimensions: (customized.Dimensions ?? []).map((d) => ({ Name: d.Name, Value: d.Value })),
    statistic: customized.Statistic,
    ...(customized.Unit !== undefined ? { unit: customized.Unit } : {}),
  };
};

export interface TargetTrackingAlarmNames {
  readonly high: string;
  readonly low: string;
}

export const targetTrackingAlarmNames = (
  resourceId: string,
  uuid: () => string,
): TargetTrackingAlarmNames => ({
  high: `TargetTracking-${resourceId}-AlarmHigh-${uuid()}`,
  low: `TargetTracking-${resourceId}-AlarmLow-${uuid()}`,
});

/** The PutMetricAlarm inputs of a target-tracking policy's alarms (High always, Low unless DisableScaleIn). */
export const targetTrackingAlarms = (
  policyArn: string,
  names: TargetTrackingAlarmNames,
  metric: TrackedMetric,
  config: TargetTrackingScalingPolicyConfiguration,
  periodSeconds: number,
): ScalingAlarmInput[] => {
  const common = {
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policyArn}.`,
    ActionsEnabled: true,
    AlarmActions: [policyArn],
    MetricName: metric.metricName,
    Namespace: metric.namespace,
    Statistic: metric.statistic as Statistic,
    Dimensions: metric.dimensions.map((d) => ({ ...d })),
    Period: periodSeconds,
    ...(metric.unit !== undefined ? { Unit: metric.unit as StandardUnit } : {}),
  };
  const high: ScalingAlarmInput = {
    ...common,
    AlarmName: names.high,
    EvaluationPeriods: HIGH_ALARM_PERIODS,
    DatapointsToAlarm: HIGH_ALARM_PERIODS,
    Threshold: config.TargetValue,
    ComparisonOperator: 'GreaterThanThreshold',
  };
  const low: ScalingAlarmInput = {
    ...common,
    AlarmName: names.low,
    EvaluationPeriods: LOW_ALARM_PERIODS,
    DatapointsToAlarm: LOW_ALARM_PERIODS,
    Threshold: config.TargetValue * LOW_ALARM_FACTOR,
    ComparisonOperator: 'LessThanThreshold',
  };
  return config.DisableScaleIn === true ? [high] : [high, low];
};
