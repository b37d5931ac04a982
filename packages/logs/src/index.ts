/**
 * @berth/logs — the CloudWatch Logs API (awsJson1_1, target prefix Logs_20140328, signing name
 * `logs`) over the telemetry store (@berth/telemetry), never the state store: thin handlers
 * (api/), use cases (services/) and the retention sweep (controllers/). `createLogsModule`
 * wires them; the server puts `api` behind the gateway, starts/stops the sweep, and gives metric
 * filters a LogMetricSink (CloudWatch's putMetricData). Subscription filters are stored and
 * checked, never delivered: Berth has no Kinesis, Firehose or Lambda.
 * Invariants: handlers never touch the store; every failure is an ApiError with CloudWatch
 * Logs' code and message; groups are per account and region; a PutLogEvents batch is stored
 * whole or its rejected events are named, never silently dropped; GetLogEvents answers the token
 * it was given at either end of a stream; metric filters run at the one ingestion point
 * (PutLogEvents, which the agent's shipping calls too), one sink call per batch and namespace;
 * every operation Berth does not implement says why.
 */
export { createLogsModule, type LogsModule, type LogsModuleConfig } from './logs-module.js';
export { logsUseCases, type LogsUseCases } from './logs-use-cases.js';
export type { LogsServices } from './api/logs-services.js';
export type { CreateLogGroupRequest } from './services/log-groups-service.js';
export type { LogMetricDatum, LogMetricSink } from './services/metric-filters/log-metric-sink.js';
export { LogRetentionSweeper } from './controllers/log-retention-sweeper.js';
