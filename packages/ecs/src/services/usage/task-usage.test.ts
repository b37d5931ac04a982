import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DEFAULT_FARGATE_PRICES, type FargatePrices } from './fargate-prices.js';
import { billedSecondsFor, meterTask, priceUsage, usageRow } from './task-usage.js';
import { CLUSTER_ARN, T0, fargateTask, taskArnFor, without } from './usage-fixtures.test-support.js';
import { usageTotals } from './usage-totals.js';

const NOW_MS = (T0 + 3600) * 1000;
const hourly = (seconds: number, price: number): number => (seconds * price) / 3600;

describe('meterTask', () => {
  it('bills a stopped task from the pull to stoppedAt, rounded up to the second', () => {
    const row = usageRow(fargateTask('a'), NOW_MS, DEFAULT_FARGATE_PRICES);
    expect(row).toEqual({
      taskArn: taskArnFor('a'),
      clusterArn: CLUSTER_ARN,
      group: 'service:web',
      serviceName: 'web',
      capacityProviderName: 'FARGATE',
      cpu: 256,
      memory: 512,
      extraStorageGb: 0,
      billingStartedAt: T0,
      billingEndedAt: T0 + 90.2,
      billedSeconds: 91,
      vcpuSeconds: 0.25 * 91,
      gbSeconds: 0.5 * 91,
      storageGbSeconds: 0,
      running: false,
      estimatedCost: hourly(22.75, 0.04048) + hourly(45.5, 0.004445),
    });
  });

  it('rounds a fraction of a second up, and whole seconds stay whole despite float timestamps', () => {
    expect(meterTask(fargateTask('a', { stoppedAt: T0 + 90.001 }), NOW_MS)?.billedSeconds).toBe(91);
    expect(
      meterTask(fargateTask('a', { pullStartedAt: 1_700_000_000.1, stoppedAt: 1_700_000_120.1 }), NOW_MS)
        ?.billedSeconds,
    ).toBe(120);
  });

  it('bills at least one minute', () => {
    expect(meterTask(fargateTask('a', { stoppedAt: T0 + 10 }), NOW_MS)?.billedSeconds).toBe(60);
    expect(meterTask(fargateTask('a', { stoppedAt: T0 }), NOW_MS)?.billedSeconds).toBe(60);
    // A stop recorded before the pull (clock skew) still bills the minimum, never a negative span.
    expect(meterTask(fargateTask('a', { stoppedAt: T0 - 30 }), NOW_MS)?.billedSeconds).toBe(60);
  });

  it('meters a running task up to now', () => {
    const running = without(
      fargateTask('a', { lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }),
      'stoppedAt',
    );
    const usage = meterTask(running, (T0 + 600.3) * 1000);
    expect(usage).toMatchObject({ running: true, billedSeconds: 601, billingEndedAt: T0 + 600.3 });
    expect(meterTask(running, (T0 + 700) * 1000)?.billedSeconds).toBe(700);
  });

  it('ends at executionStoppedAt when stoppedAt is missing', () => {
    const stopping = without(fargateTask('a', { executionStoppedAt: T0 + 200 }), 'stoppedAt');
    expect(meterTask(stopping, NOW_MS)).toMatchObject({ billedSeconds: 200, running: false });
    // stoppedAt wins when both are there.
    expect(meterTask(fargateTask('a', { executionStoppedAt: T0 + 80 }), NOW_MS)?.billedSeconds).toBe(91);
  });

  it('starts at startedAt for a task that never pulled, and bills nothing for one that never got that far', () => {
    const noPull = without(fargateTask('a', { startedAt: T0 + 30 }), 'pullStartedAt');
    expect(meterTask(noPull, NOW_MS)).toMatchObject({ billingStartedAt: T0 + 30, billedSeconds: 61 });
    expect(meterTask(without(fargateTask('a'), 'pullStartedAt', 'startedAt'), NOW_MS)).toBeUndefined();
  });

  it('meters FARGATE tasks only', () => {
    expect(meterTask(fargateTask('a', { launchType: 'EC2' }), NOW_MS)).toBeUndefined();
    expect(meterTask(fargateTask('a', { launchType: 'EXTERNAL' }), NOW_MS)).toBeUndefined();
    expect(meterTask(without(fargateTask('a'), 'launchType'), NOW_MS)).toBeUndefined();
  });

  it('bills ephemeral storage above the included 20 GB', () => {
    const big = meterTask(fargateTask('a', { ephemeralStorage: { sizeInGiB: 50 } }), NOW_MS);
    expect(big).toMatchObject({ extraStorageGb: 30, storageGbSeconds: 30 * 91 });
    expect(
      meterTask(fargateTask('a', { ephemeralStorage: { sizeInGiB: 20 } }), NOW_MS)?.storageGbSeconds,
    ).toBe(0);
    const row = priceUsage(big!, DEFAULT_FARGATE_PRICES);
    expect(row.estimatedCost).toBeCloseTo(
      hourly(22.75, 0.04048) + hourly(45.5, 0.004445) + hourly(2730, 0.000111),
      15,
    );
  });

  it('reads the service from the group, and keeps the capacity provider', () => {
    const batch = meterTask(
      fargateTask('a', { group: 'family:batch', capacityProviderName: 'FARGATE_SPOT' }),
      NOW_MS,
    );
    expect(batch).toMatchObject({ group: 'family:batch', capacityProviderName: 'FARGATE_SPOT' });
    expect(batch).not.toHaveProperty('serviceName');
    expect(meterTask(without(fargateTask('a'), 'group'), NOW_MS)).not.toHaveProperty('group');
  });

  it('uses the task size: 4 vCPU and 16 GB for an hour', () => {
    const row = usageRow(
      fargateTask('a', { cpu: '4096', memory: '16384', stoppedAt: T0 + 3600 }),
      NOW_MS,
      DEFAULT_FARGATE_PRICES,
    );
    expect(row).toMatchObject({ billedSeconds: 3600, vcpuSeconds: 4 * 3600, gbSeconds: 16 * 3600 });
    expect(row?.estimatedCost).toBeCloseTo(4 * 0.04048 + 16 * 0.004445, 12);
  });

  it('prices with the prices it is given', () => {
    const usage = meterTask(fargateTask('a', { ephemeralStorage: { sizeInGiB: 21 } }), NOW_MS)!;
    expect(priceUsage(usage, { vcpuHour: 0, gbHour: 0, storageGbHour: 0 }).estimatedCost).toBe(0);
    expect(priceUsage(usage, { vcpuHour: 3600, gbHour: 0, storageGbHour: 0 }).estimatedCost).toBe(22.75);
    expect(priceUsage(usage, { vcpuHour: 0, gbHour: 3600, storageGbHour: 0 }).estimatedCost).toBe(45.5);
    expect(priceUsage(usage, { vcpuHour: 0, gbHour: 0, storageGbHour: 3600 }).estimatedCost).toBe(91);
  });
});

describe('billedSecondsFor (properties)', () => {
  it('is a whole number of seconds, at least the span and the one-minute minimum, less than a second over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 1e9 }), (start, span) => {
        const billed = billedSecondsFor(start, start + span);
        expect(Number.isInteger(billed)).toBe(true);
        expect(billed).toBeGreaterThanOrEqual(60);
        expect(billed * 1000).toBeGreaterThanOrEqual(span);
        expect(billed * 1000).toBeLessThanOrEqual(Math.max(60_000, span + 999));
      }),
    );
  });
});

describe('usageTotals', () => {
  it('is zero for no rows', () => {
    expect(usageTotals([])).toEqual({
      tasks: 0,
      vcpuSeconds: 0,
      gbSeconds: 0,
      storageGbSeconds: 0,
      estimatedCost: 0,
    });
  });

  it('sums every row, and cost scales linearly with the prices (properties)', () => {
    const prices = fc.record<FargatePrices>({
      vcpuHour: fc.double({ min: 0, max: 1, noNaN: true }),
      gbHour: fc.double({ min: 0, max: 1, noNaN: true }),
      storageGbHour: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const task = fc.record({
      cpu: fc.constantFrom('256', '512', '1024', '4096'),
      memory: fc.constantFrom('512', '2048', '8192'),
      span: fc.integer({ min: 0, max: 100_000 }),
      storage: fc.integer({ min: 20, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 20 }), prices, (tasks, p) => {
        const rows = tasks.map((t, i) =>
          usageRow(
            fargateTask(`t${i}`, {
              cpu: t.cpu,
              memory: t.memory,
              stoppedAt: T0 + t.span,
              ephemeralStorage: { sizeInGiB: t.storage },
            }),
            NOW_MS,
            p,
          )!,
        );
        const totals = usageTotals(rows);
        expect(totals.tasks).toBe(rows.length);
        const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((s, r) => s + f(r), 0);
        expect(totals.vcpuSeconds).toBeCloseTo(
          sum((r) => r.vcpuSeconds),
          6,
        );
        expect(totals.gbSeconds).toBeCloseTo(
          sum((r) => r.gbSeconds),
          6,
        );
        expect(totals.storageGbSeconds).toBeCloseTo(
          sum((r) => r.storageGbSeconds),
          6,
        );
        expect(totals.estimatedCost).toBeCloseTo(
          (totals.vcpuSeconds * p.vcpuHour +
            totals.gbSeconds * p.gbHour +
            totals.storageGbSeconds * p.storageGbHour) /
            3600,
          9,
        );
        const doubled = usageTotals(
          rows.map((r) =>
            priceUsage(r, {
              vcpuHour: 2 * p.vcpuHour,
              gbHour: 2 * p.gbHour,
              storageGbHour: 2 * p.storageGbHour,
            }),
          ),
        );
        expect(doubled.estimatedCost).toBeCloseTo(2 * totals.estimatedCost, 9);
      }),
    );
  });
});
