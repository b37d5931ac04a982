/**
 * Fargate usage reports: the metered usage of a cluster's live FARGATE tasks plus the archived
 * usage of those already purged, priced with the configured Fargate prices.
 */
import type { Partition } from '@berth/core';

import { activeCluster } from '../cluster-ref.js';
import { KIND, type TaskRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';
import { taskArnOf } from '../tasks/task-lookup.js';

import type { FargatePrices } from './fargate-prices.js';
import { archivedUsage } from './usage-archive.js';
import { selectUsage, type GetUsageReportRequest, type UsageReport } from './usage-report.js';
import { meterTask, priceUsage, type TaskUsage } from './task-usage.js';
import { usageTotals } from './usage-totals.js';

const serviceNameOf = (ref: string): string =>
  ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;

export class UsageService {
  constructor(
    private readonly deps: ServiceDeps,
    readonly prices: FargatePrices,
  ) {}

  report(partition: Partition, request: GetUsageReportRequest): UsageReport {
    const reader = this.deps.store;
    const clusterArn = activeCluster(reader, partition, request.cluster).cluster.clusterArn ?? '';
    const nowMs = this.deps.now();
    const live = reader
      .list<TaskRecord>(KIND.task, clusterArn)
      .map((record) => meterTask(record, nowMs))
      .filter((usage): usage is TaskUsage => usage !== undefined);
    const liveArns = new Set(live.map((u) => u.taskArn));
    const purged = archivedUsage(reader, clusterArn).filter((u) => !liveArns.has(u.taskArn));
    const rows = selectUsage([...live, ...purged], {
      ...(request.serviceName !== undefined ? { serviceName: serviceNameOf(request.serviceName) } : {}),
      ...(request.task !== undefined ? { taskArn: taskArnOf(partition, clusterArn, request.task) } : {}),
    }).map((usage) => priceUsage(usage, this.prices));
    return { rows, totals: usageTotals(rows), prices: { ...this.prices }, currency: 'USD' };
  }
}
