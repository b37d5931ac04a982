/** CloudWatch Logs and CloudWatch SDK clients for the telemetry benchmark: one keep-alive connection each, no retries. */
import { Agent } from 'node:http';

import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

import type { BenchConfig } from '../config.js';

const options = (config: BenchConfig, endpoint: string) => ({
  endpoint,
  region: config.region,
  credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  maxAttempts: 1,
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }), requestTimeout: 30_000 },
});

export const logsClient = (config: BenchConfig, endpoint: string): CloudWatchLogsClient =>
  new CloudWatchLogsClient(options(config, endpoint));

export const cloudWatchClient = (config: BenchConfig, endpoint: string): CloudWatchClient =>
  new CloudWatchClient(options(config, endpoint));
