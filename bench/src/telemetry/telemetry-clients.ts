/** CloudWatch Logs and CloudWatch SDK clients for the telemetry benchmark: one keep-alive connection each, no retries. */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

import type { BenchConfig } from '../config.js';
import { sdkClientOptions } from '../sdk-options.js';

export const logsClient = (config: BenchConfig, endpoint: string): CloudWatchLogsClient =>
  new CloudWatchLogsClient(sdkClientOptions(config, endpoint));

export const cloudWatchClient = (config: BenchConfig, endpoint: string): CloudWatchClient =>
  new CloudWatchClient(sdkClientOptions(config, endpoint));
