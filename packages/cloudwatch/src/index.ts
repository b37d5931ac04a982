/**
 * @berth/cloudwatch — the CloudWatch metrics API (signing name `monitoring`) on its three
 * protocols (rpcv2Cbor, JSON 1.0, awsQuery) through one handler per operation: PutMetricData,
 * GetMetricStatistics, GetMetricData (metric math: + - * /, SUM/AVG/MIN/MAX, RATE, FILL, METRICS,
 * SEARCH) and ListMetrics, over @berth/telemetry's MetricStore. Every other operation answers
 * InvalidAction saying Berth does not implement it yet.
 * Invariants: handlers never touch the store; every failure is an ApiError with CloudWatch's
 * code; metric points are statistic sets, so percentiles are refused, never approximated; user
 * data may not use `AWS/` namespaces, Berth's own metrics (putMetricData use case) may.
 */
export {
  createCloudWatchModule,
  type CloudWatchModule,
  type CloudWatchModuleConfig,
} from './cloudwatch-module.js';
export type { CloudWatchServices } from './api/cloudwatch-services.js';
export { cloudWatchUseCases, type CloudWatchUseCases } from './cloudwatch-use-cases.js';
