/**
 * The GetUsageReport shapes (Berth admin API, AWS JSON 1.1) and the pure selection of the usage
 * a request asks for.
 */
import type { FargatePrices } from './fargate-prices.js';
import type { TaskUsage, UsageRow } from './task-usage.js';
import type { UsageTotals } from './usage-totals.js';

export interface GetUsageReportRequest {
  /** A cluster name or ARN; `default` when absent. */
  readonly cluster?: string;
  /** Only the tasks of this service (a name; a service ARN is read for its name). */
  readonly serviceName?: string;
  /** Only this task (an id or an ARN). */
  readonly task?: string;
}

export interface UsageReport {
  readonly rows: readonly UsageRow[];
  readonly totals: UsageTotals;
  readonly prices: FargatePrices;
  readonly currency: 'USD';
}

export interface UsageFilter {
  readonly serviceName?: string;
  readonly taskArn?: string;
}

/** The usages a filter selects, oldest first (ties by task ARN). PURE. */
export const selectUsage = (usages: readonly TaskUsage[], filter: UsageFilter): TaskUsage[] =>
  usages
    .filter(
      (u) =>
        (filter.serviceName === undefined || u.serviceName === filter.serviceName) &&
        (filter.taskArn === undefined || u.taskArn === filter.taskArn),
    )
    .sort((a, b) => a.billingStartedAt - b.billingStartedAt || a.taskArn.localeCompare(b.taskArn));
