/**
 * The CloudWatch Logs API (awsJson1_1, Logs_20140328) for the gateway: every implemented
 * operation, and every other operation of the model answered as unsupported with its reason.
 */
import type { ApiService, Operation } from '@berth/gateway';
import { LOGS_MODEL } from '@berth/wire/logs';

import { filterOperations } from './filter-operations.js';
import { logGroupOperations } from './log-group-operations.js';
import { logStreamOperations } from './log-stream-operations.js';
import type { LogsServices } from './logs-services.js';
import { tagOperations } from './tag-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const logsService = (services: LogsServices): ApiService => {
  const implemented = new Map<string, Operation>(
    Object.entries({
      ...logGroupOperations(services),
      ...logStreamOperations(services),
      ...tagOperations(services),
      ...filterOperations(services),
    }),
  );
  const unsupported = unsupportedOperations(new Set(implemented.keys()));
  return { model: LOGS_MODEL, operations: new Map([...unsupported, ...implemented]) };
};
