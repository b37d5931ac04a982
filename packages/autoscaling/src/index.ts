/**
 * @berth/autoscaling — Application Auto Scaling (`AnyScaleFrontendService`, awsJson1_1, signing
 * name `application-autoscaling`) for ECS services: scalable targets (`service/<cluster>/<svc>`,
 * `ecs:service:DesiredCount`), step and target-tracking scaling policies, scheduled actions
 * (at/rate/cron, time zones) and scaling activities, over the state store.
 * Invariants: a service's desired count changes only through the ScalableServices port (ECS's
 * UpdateService path), always clamped to its target's min and max, and every change is a scaling
 * activity; target tracking's alarms live in CloudWatch (ScalingAlarms port) and act on the policy
 * ARN, which CloudWatch hands back through `onAlarmAction`; other namespaces, dimensions and
 * predictive scaling answer a ValidationException saying Berth does not support them.
 */
export {
  createAutoScalingModule,
  DEFAULT_TARGET_TRACKING_ALARM_PERIOD_SECONDS,
  type AutoScalingModule,
  type AutoScalingModuleConfig,
} from './autoscaling-module.js';
export type { AutoScalingUseCases } from './autoscaling-use-cases.js';
export type { AlarmActionOutcome } from './services/alarm-actions-service.js';
export type { AutoScalingIds } from './services/service-deps.js';
export type {
  AlarmActionInvocation,
  AlarmDimension,
  ScalableServiceCapacity,
  ScalableServices,
  ScalingAlarmInput,
  ScalingAlarms,
  ScalingMetrics,
} from './scaling-ports.js';
