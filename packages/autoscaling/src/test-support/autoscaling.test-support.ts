/**
 * A unit Application Auto Scaling module over an in-memory store, with a settable clock, counting
 * ids and in-memory ports: ECS services as counts, alarms that are recorded (or refused), and a
 * metric value the test sets.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read as the JSON a client sees */
import { ApiError, type Partition } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import { createAutoScalingModule, type AutoScalingModule } from '../autoscaling-module.js';
import type {
  ScalableServiceCapacity,
  ScalableServices,
  ScalingAlarmInput,
  ScalingAlarms,
} from '../scaling-ports.js';

export const PARTITION: Partition = { accountId: '123456789012', region: 'us-east-1' };
export const CTX: RequestContext = {
  requestId: 'unit',
  partition: PARTITION,
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
/** 2026-12-03T12:00:00Z in epoch ms. */
export const T0 = Date.UTC(2026, 11, 3, 12);

export const TARGET = {
  ServiceNamespace: 'ecs',
  ResourceId: 'service/c/web',
  ScalableDimension: 'ecs:service:DesiredCount',
} as const;

export interface UnitAutoScaling {
  readonly module: AutoScalingModule;
  readonly clock: { now: number };
  /** Service counts by `cluster/service`; the ECS port reads and writes them. */
  readonly ecs: Map<string, { desiredCount: number; runningCount: number; deploying: boolean }>;
  readonly alarms: ScalingAlarmInput[];
  readonly deletedAlarms: string[];
  readonly metric: { value: number | undefined };
  call(operation: string, input: object): Promise<Record<string, any>>;
  errorOf(operation: string, input: object): Promise<string>;
}

const ecsPort = (ecs: UnitAutoScaling['ecs']): ScalableServices => {
  const read = (cluster: string, service: string): ScalableServiceCapacity => {
    const found = ecs.get(`${cluster}/${service}`);
    if (!found) throw new ApiError('ServiceNotFoundException', 'Service not found.');
    return { ...found };
  };
  return {
    serviceDesiredCount: (_p, cluster, service) => read(cluster, service),
    setServiceDesiredCount: (_p, cluster, service, count) => {
      const found = read(cluster, service);
      ecs.set(`${cluster}/${service}`, { ...found, desiredCount: count });
      return read(cluster, service);
    },
  };
};

export const unitAutoScaling = (options: { alarmsWork?: boolean } = {}): UnitAutoScaling => {
  const clock = { now: T0 };
  const ecs: UnitAutoScaling['ecs'] = new Map([
    ['c/web', { desiredCount: 2, runningCount: 2, deploying: false }],
  ]);
  const alarms: ScalingAlarmInput[] = [];
  const deletedAlarms: string[] = [];
  const metric: { value: number | undefined } = { value: undefined };
  const alarmPort: ScalingAlarms =
    options.alarmsWork === false
      ? {
          putMetricAlarm: () => Promise.reject(new Error('CloudWatch alarms are not available')),
          deleteAlarms: () => Promise.reject(new Error('CloudWatch alarms are not available')),
        }
      : {
          putMetricAlarm: (input) => {
            alarms.push(input);
            return Promise.resolve();
          },
          deleteAlarms: (names) => {
            deletedAlarms.push(...names);
            return Promise.resolve();
          },
        };
  let id = 0;
  const module = createAutoScalingModule({
    store: new MemoryStateStore(),
    now: () => clock.now,
    ids: {
      uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
      targetId: () => `target${++id}`,
    },
    services: ecsPort(ecs),
    alarms: alarmPort,
    metrics: { average: () => Promise.resolve(metric.value) },
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
  return { module, clock, ecs, alarms, deletedAlarms, metric, call, errorOf };
};
