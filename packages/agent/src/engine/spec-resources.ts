/**
 * ContainerDefinition → the resource, Linux and health parts of a ContainerSpec, as the ECS agent
 * maps them (`agent/api/task/task.go` dockerConfig / dockerHostConfig).
 */
import type { ContainerDefinition, HealthCheck, LinuxParameters, LogConfiguration } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { DeviceMapping, HealthcheckSpec, LogSpec } from '../runtime/container-runtime.js';

const MIB = 1024 * 1024;
const NS_PER_SECOND = 1_000_000_000;

/** Linux rejects CPU shares below 2; the ECS agent raises 0 and 1 to 2. */
export const MIN_CPU_SHARES = 2;

export interface ResourceSpec {
  readonly cpuShares: number;
  readonly memory?: number;
  readonly memoryReservation?: number;
  readonly memorySwap?: number;
  readonly memorySwappiness?: number;
}

export const resourceSpec = (task: DesiredTask, d: ContainerDefinition): ResourceSpec => {
  const hardMiB = d.memory ?? (d.memoryReservation === undefined ? task.memory : undefined);
  const swap = d.linuxParameters?.maxSwap;
  return {
    cpuShares: Math.max(MIN_CPU_SHARES, d.cpu ?? 0),
    ...(hardMiB === undefined ? {} : { memory: hardMiB * MIB }),
    ...(d.memoryReservation === undefined ? {} : { memoryReservation: d.memoryReservation * MIB }),
    ...(swap === undefined || hardMiB === undefined ? {} : { memorySwap: (hardMiB + swap) * MIB }),
    ...(d.linuxParameters?.swappiness === undefined
      ? {}
      : { memorySwappiness: d.linuxParameters.swappiness }),
  };
};

const PERMISSION_LETTERS = { read: 'r', write: 'w', mknod: 'm' } as const;

export const deviceMappings = (linux: LinuxParameters | undefined): DeviceMapping[] =>
  (linux?.devices ?? []).map((device) => ({
    hostPath: device.hostPath,
    containerPath: device.containerPath ?? device.hostPath,
    permissions:
      device.permissions && device.permissions.length > 0
        ? device.permissions.map((p) => PERMISSION_LETTERS[p]).join('')
        : 'rwm',
  }));

/** tmpfs sizes are MiB in ECS; Docker takes mount options. */
export const tmpfsMounts = (linux: LinuxParameters | undefined): Record<string, string> =>
  Object.fromEntries(
    (linux?.tmpfs ?? []).map((t) => [
      t.containerPath,
      [`size=${t.size}m`, ...(t.mountOptions ?? [])].join(','),
    ]),
  );

export const sysctls = (d: ContainerDefinition): Record<string, string> =>
  Object.fromEntries(
    (d.systemControls ?? []).flatMap((s) =>
      s.namespace === undefined ? [] : [[s.namespace, s.value ?? '']],
    ),
  );

/** ECS defaults: interval 30 s, timeout 5 s, retries 3, no start period. */
export const HEALTHCHECK_DEFAULTS = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  retries: 3,
  startPeriodSeconds: 0,
} as const;

/** Only the task definition's check counts: without one the image's HEALTHCHECK is disabled. */
export const healthcheckSpec = (check: HealthCheck | undefined): HealthcheckSpec => {
  if (!check || check.command.length === 0) return { test: ['NONE'] };
  return {
    test: check.command,
    intervalNs: (check.interval ?? HEALTHCHECK_DEFAULTS.intervalSeconds) * NS_PER_SECOND,
    timeoutNs: (check.timeout ?? HEALTHCHECK_DEFAULTS.timeoutSeconds) * NS_PER_SECOND,
    retries: check.retries ?? HEALTHCHECK_DEFAULTS.retries,
    startPeriodNs: (check.startPeriod ?? HEALTHCHECK_DEFAULTS.startPeriodSeconds) * NS_PER_SECOND,
  };
};

/** Docker's log options that apply to every driver: the delivery mode and its ring buffer. */
const DELIVERY_OPTIONS = ['mode', 'max-buffer-size'] as const;

/**
 * Logs stay on the host: drivers that ship elsewhere (awslogs, splunk, fluentd, gelf, syslog,
 * awsfirelens, journald) become json-file (for awslogs the agent reads it and ships it itself —
 * logs/log-shipping.ts), keeping only the delivery options (`mode`, which the
 * defaultLogDriverMode account setting fills in, and `max-buffer-size`); json-file keeps its options.
 */
export const logSpec = (config: LogConfiguration | undefined): LogSpec => {
  if (config?.logDriver === 'json-file') return { driver: 'json-file', options: { ...config.options } };
  const options: Record<string, string> = {};
  for (const key of DELIVERY_OPTIONS) {
    const value = config?.options?.[key];
    if (value !== undefined) options[key] = value;
  }
  return { driver: 'json-file', options };
};

export const sharedMemoryBytes = (linux: LinuxParameters | undefined): number | undefined =>
  linux?.sharedMemorySize === undefined ? undefined : linux.sharedMemorySize * MIB;
