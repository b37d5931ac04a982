/** One ECS SDK client per worker: its own keep-alive connection, no retries. */
import { Agent } from 'node:http';

import { ECSClient } from '@aws-sdk/client-ecs';

import type { BenchConfig } from './config.js';

export const ecsClient = (config: BenchConfig, endpoint: string): ECSClient =>
  new ECSClient({
    endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }), requestTimeout: 30_000 },
  });
