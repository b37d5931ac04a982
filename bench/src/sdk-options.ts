/** What every AWS SDK client of the bench is built with: its own keep-alive connection, no retries. */
import { Agent } from 'node:http';

import type { BenchConfig } from './config.js';

export const sdkClientOptions = (config: BenchConfig, endpoint: string) => ({
  endpoint,
  region: config.region,
  credentials: {
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    ...(config.sessionToken === undefined ? {} : { sessionToken: config.sessionToken }),
  },
  maxAttempts: 1,
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }), requestTimeout: 30_000 },
});
