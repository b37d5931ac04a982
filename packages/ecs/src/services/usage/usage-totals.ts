/** Sums usage rows into a report's totals. PURE. */
import type { UsageRow } from './task-usage.js';

export interface UsageTotals {
  readonly tasks: number;
  readonly vcpuSeconds: number;
  readonly gbSeconds: number;
  readonly storageGbSeconds: number;
  /** USD, full precision. */
  readonly estimatedCost: number;
}

export const usageTotals = (rows: readonly UsageRow[]): UsageTotals =>
  rows.reduce<UsageTotals>(
    (sum, row) => ({
      tasks: sum.tasks + 1,
      vcpuSeconds: sum.vcpuSeconds + row.vcpuSeconds,
      gbSeconds: sum.gbSeconds + row.gbSeconds,
      storageGbSeconds: sum.storageGbSeconds + row.storageGbSeconds,
      estimatedCost: sum.estimatedCost + row.estimatedCost,
    }),
    { tasks: 0, vcpuSeconds: 0, gbSeconds: 0, storageGbSeconds: 0, estimatedCost: 0 },
  );
