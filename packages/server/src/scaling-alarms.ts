/**
 * Application Auto Scaling's ScalingAlarms port. CloudWatch alarms are not built on this branch,
 * so target tracking cannot create its alarms: every call fails, and PutScalingPolicy answers
 * FailedResourceAccessException saying so. At the merge with CloudWatch alarms, control-plane.ts
 * passes `cloudWatch.useCases` (putMetricAlarm/deleteAlarms) instead and this file goes.
 */
import type { ScalingAlarms } from '@berth/autoscaling';

export const CLOUDWATCH_ALARMS_UNAVAILABLE = 'CloudWatch alarms are not available';

export const unavailableScalingAlarms: ScalingAlarms = {
  putMetricAlarm: () => Promise.reject(new Error(CLOUDWATCH_ALARMS_UNAVAILABLE)),
  deleteAlarms: () => Promise.reject(new Error(CLOUDWATCH_ALARMS_UNAVAILABLE)),
};
