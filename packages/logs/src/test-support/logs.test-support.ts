/** A unit Logs module over an in-memory SQLite log store with a settable clock. */
import { ApiError } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { SqliteLogStore } from '@berth/telemetry';

import { createLogsModule, type LogsModule } from '../logs-module.js';
import type { LogMetricSink } from '../services/metric-filters/log-metric-sink.js';

export const CTX: RequestContext = {
  requestId: 'unit',
  partition: { accountId: '123456789012', region: 'us-east-1' },
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::123456789012:root',
  identity: {
    accountId: '123456789012',
    arn: 'arn:aws:iam::123456789012:root',
    userId: '123456789012',
    kind: 'root',
  },
  endpoint: 'http://127.0.0.1/',
};
export const OTHER_REGION: RequestContext = { ...CTX, partition: { ...CTX.partition, region: 'eu-west-1' } };

/** 2023-11-14T22:13:20Z. */
export const NOW = 1_700_000_000_000;

export interface UnitLogs {
  readonly module: LogsModule;
  readonly store: SqliteLogStore;
  readonly clock: { now: number };
  /** The operation's output, typed as the caller says (a wire response shape). */
  call<T = Record<string, unknown>>(operation: string, input: object, ctx?: RequestContext): Promise<T>;
  /** `Code: message` of the ApiError the call throws, or 'none'. */
  errorOf(operation: string, input: object, ctx?: RequestContext): Promise<string>;
  /** A group `g` with a stream `s`. */
  groupAndStream(group?: string, stream?: string): Promise<void>;
}

export const unitLogs = (options: { readonly metricSink?: LogMetricSink } = {}): UnitLogs => {
  const clock = { now: NOW };
  const store = new SqliteLogStore(':memory:');
  const module = createLogsModule({ store, now: () => clock.now, ...options });
  const call = async <T = Record<string, unknown>>(
    operation: string,
    input: object,
    ctx = CTX,
  ): Promise<T> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return (await op(ctx, input as Record<string, unknown>)) as T;
  };
  const errorOf = async (operation: string, input: object, ctx = CTX): Promise<string> => {
    try {
      await call(operation, input, ctx);
      return 'none';
    } catch (error) {
      return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    }
  };
  const groupAndStream = async (group = 'g', stream = 's'): Promise<void> => {
    await call('CreateLogGroup', { logGroupName: group });
    await call('CreateLogStream', { logGroupName: group, logStreamName: stream });
  };
  return { module, store, clock, call, errorOf, groupAndStream };
};
