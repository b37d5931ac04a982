/**
 * @berth/cloudwatch — the CloudWatch API (signing name `monitoring`) on its three protocols
 * (rpcv2Cbor, JSON 1.0, awsQuery) through one handler per operation: metrics (PutMetricData,
 * GetMetricStatistics, GetMetricData with metric math, ListMetrics) over @berth/telemetry's
 * MetricStore, and alarms (PutMetricAlarm, PutCompositeAlarm, DescribeAlarms*, SetAlarmState,
 * DescribeAlarmHistory, Enable/DisableAlarmActions, DeleteAlarms, alarm tags) kept in the state
 * store and evaluated by a controller; their actions go out through the AlarmActionSink port.
 * Every other operation answers InvalidAction saying Berth does not implement it yet.
 * Invariants: handlers never touch the store; every failure is an ApiError with CloudWatch's
 * code; metric points are statistic sets, so percentiles are refused, never approximated; user
 * data may not use `AWS/` namespaces, Berth's own metrics (putMetricData use case) may; an alarm
 * changes state only through a transition that writes its StateUpdate history item with it.
 */
export {
  createCloudWatchModule,
  type CloudWatchModule,
  type CloudWatchModuleConfig,
} from './cloudwatch-module.js';
export type { CloudWatchServices } from './api/cloudwatch-services.js';
export { cloudWatchUseCases, type CloudWatchUseCases } from './cloudwatch-use-cases.js';
export type { AlarmActionInvocation, AlarmActionSink } from './alarms/alarm-action-sink.js';
export type { AlarmStateValue } from './alarms/alarm-record.js';
export { isAutoScalingAction } from './alarms/alarm-actions-rules.js';
