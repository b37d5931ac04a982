/** A unit CloudWatch module over an in-memory SQLite MetricStore with a settable clock. */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read as the JSON a client sees */
import { ApiError } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';
import { SqliteMetricStore } from '@berth/telemetry';

import type { AlarmActionSink } from '../alarms/alarm-action-sink.js';
import { createCloudWatchModule, type CloudWatchModule } from '../cloudwatch-module.js';

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

/** 2026-01-01T00:00:00Z, epoch seconds. */
export const T0 = 1_767_225_600;

export interface UnitCloudWatch {
  readonly module: CloudWatchModule;
  readonly clock: { now: number };
  call(operation: string, input: object): Promise<Record<string, any>>;
  /** `Code: message` of the ApiError the call rejects with, or 'none'. */
  errorOf(operation: string, input: object): Promise<string>;
}

export const unitCloudWatch = (alarmActions?: AlarmActionSink): UnitCloudWatch => {
  const clock = { now: (T0 + 3600) * 1000 };
  const module = createCloudWatchModule({
    metrics: new SqliteMetricStore(':memory:'),
    store: new MemoryStateStore(),
    now: () => clock.now,
    ...(alarmActions ? { alarmActions } : {}),
  });
  const call = async (operation: string, input: object): Promise<Record<string, any>> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return (await op(CTX, input as Record<string, unknown>)) as Record<string, any>;
  };
  const errorOf = async (operation: string, input: object): Promise<string> => {
    try {
      await call(operation, input);
      return 'none';
    } catch (error) {
      return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    }
  };
  return { module, clock, call, errorOf };
};

/** Puts `values` one minute apart from T0 into App/Latency {Service=web}. */
export const putMinutes = async (
  t: UnitCloudWatch,
  values: readonly number[],
  metricName = 'Latency',
  service = 'web',
): Promise<void> => {
  await t.call('PutMetricData', {
    Namespace: 'App',
    MetricData: values.map((Value, i) => ({
      MetricName: metricName,
      Dimensions: [{ Name: 'Service', Value: service }],
      Timestamp: T0 + i * 60,
      Value,
      Unit: 'Milliseconds',
    })),
  });
};
