/**
 * Fargate metering of one task, as ECS bills it: vCPU-seconds and GB-seconds from the start of the
 * image pull (or, without a pull, from startedAt) to termination (stoppedAt, else
 * executionStoppedAt, else "now" for a task still running), rounded up to the whole second with a
 * one-minute minimum; ephemeral storage above the included 20 GB is billed the same way.
 * PURE: the clock comes in as `nowMs`; nothing here reads the store or the time.
 */
import { parseCpuUnits, parseMemoryMiB } from '@berth/core';

import type { TaskRecord } from '../records.js';

import type { FargatePrices } from './fargate-prices.js';

export const MINIMUM_BILLED_SECONDS = 60;
export const INCLUDED_STORAGE_GB = 20;
const SECONDS_PER_HOUR = 3600;

/** What one task has used, before prices. Archived as-is (KIND.usage) when its task is purged. */
export interface TaskUsage {
  readonly taskArn: string;
  readonly clusterArn: string;
  /** task.group, e.g. `service:web` or `family:batch`. */
  readonly group?: string;
  /** The service the task belongs to, when its group is `service:NAME`. */
  readonly serviceName?: string;
  readonly capacityProviderName: string;
  /** Task CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** Task memory, MiB. */
  readonly memory: number;
  /** Ephemeral storage beyond the included 20 GB, GB. */
  readonly extraStorageGb: number;
  /** Epoch seconds billing starts at (pullStartedAt, else startedAt). */
  readonly billingStartedAt: number;
  /** Epoch seconds billing ends at (stoppedAt, else executionStoppedAt, else now). */
  readonly billingEndedAt: number;
  readonly billedSeconds: number;
  readonly vcpuSeconds: number;
  readonly gbSeconds: number;
  readonly storageGbSeconds: number;
  /** True while the task has not terminated: its figures grow until it does. */
  readonly running: boolean;
}

/** One line of a usage report: usage and what it costs at the given prices. */
export interface UsageRow extends TaskUsage {
  /** USD, full precision. */
  readonly estimatedCost: number;
}

const toMs = (epochSeconds: number): number => Math.round(epochSeconds * 1000);

/** Whole seconds billed for a span: rounded up, at least the one-minute minimum. */
export const billedSecondsFor = (startMs: number, endMs: number): number =>
  Math.max(MINIMUM_BILLED_SECONDS, Math.ceil(Math.max(0, endMs - startMs) / 1000));

const serviceNameOf = (group: string | undefined): string | undefined =>
  group?.startsWith('service:') ? group.slice('service:'.length) : undefined;

/** A FARGATE task's usage, or undefined when it is not metered (not FARGATE, or never pulled or started). */
export const meterTask = (record: TaskRecord, nowMs: number): TaskUsage | undefined => {
  const task = record.task;
  if (task.launchType !== 'FARGATE') return undefined;
  const start = task.pullStartedAt ?? task.startedAt;
  if (start === undefined) return undefined;
  const end = task.stoppedAt ?? task.executionStoppedAt;
  const startMs = toMs(start);
  const endMs = end === undefined ? nowMs : toMs(end);
  const billedSeconds = billedSecondsFor(startMs, endMs);
  const cpu = parseCpuUnits(task.cpu ?? '') ?? 0;
  const memory = parseMemoryMiB(task.memory ?? '') ?? 0;
  const extraStorageGb = Math.max(
    0,
    (task.ephemeralStorage?.sizeInGiB ?? INCLUDED_STORAGE_GB) - INCLUDED_STORAGE_GB,
  );
  const serviceName = serviceNameOf(task.group);
  return {
    taskArn: task.taskArn ?? '',
    clusterArn: record.clusterArn,
    ...(task.group !== undefined ? { group: task.group } : {}),
    ...(serviceName !== undefined ? { serviceName } : {}),
    capacityProviderName: task.capacityProviderName ?? 'FARGATE',
    cpu,
    memory,
    extraStorageGb,
    billingStartedAt: startMs / 1000,
    billingEndedAt: endMs / 1000,
    billedSeconds,
    vcpuSeconds: (cpu / 1024) * billedSeconds,
    gbSeconds: (memory / 1024) * billedSeconds,
    storageGbSeconds: extraStorageGb * billedSeconds,
    running: end === undefined,
  };
};

/** What a usage costs at the given prices (USD, not rounded). */
export const priceUsage = (usage: TaskUsage, prices: FargatePrices): UsageRow => ({
  ...usage,
  estimatedCost:
    (usage.vcpuSeconds * prices.vcpuHour +
      usage.gbSeconds * prices.gbHour +
      usage.storageGbSeconds * prices.storageGbHour) /
    SECONDS_PER_HOUR,
});

/** A task's report row, or undefined when the task is not metered. */
export const usageRow = (record: TaskRecord, nowMs: number, prices: FargatePrices): UsageRow | undefined => {
  const usage = meterTask(record, nowMs);
  return usage && priceUsage(usage, prices);
};
