/** One ECS SDK client per worker: its own keep-alive connection, no retries. */
import { ECSClient } from '@aws-sdk/client-ecs';

import type { BenchConfig } from './config.js';
import { sdkClientOptions } from './sdk-options.js';

export const ecsClient = (config: BenchConfig, endpoint: string): ECSClient =>
  new ECSClient(sdkClientOptions(config, endpoint));
