import { describe, expect, it } from 'vitest';

import type { UsageReport, UsageRow } from '@berth/ecs';

import { formatUsageReport } from './usage-table.js';

const row = (id: string, extra: Partial<UsageRow> = {}): UsageRow => ({
  taskArn: `arn:aws:ecs:us-east-1:000000000000:task/default/${id}`,
  clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
  group: 'service:web',
  serviceName: 'web',
  capacityProviderName: 'FARGATE',
  cpu: 256,
  memory: 512,
  extraStorageGb: 0,
  billingStartedAt: 1,
  billingEndedAt: 92,
  billedSeconds: 91,
  vcpuSeconds: 22.75,
  gbSeconds: 45.5,
  storageGbSeconds: 0,
  running: false,
  estimatedCost: 0.000311983,
  ...extra,
});

const withoutService = (id: string, extra: Partial<UsageRow>): UsageRow => {
  const { serviceName: _, ...rest } = row(id, extra);
  return rest;
};

const report = (rows: UsageRow[]): UsageReport => ({
  rows,
  totals: {
    tasks: rows.length,
    vcpuSeconds: rows.reduce((s, r) => s + r.vcpuSeconds, 0),
    gbSeconds: rows.reduce((s, r) => s + r.gbSeconds, 0),
    storageGbSeconds: rows.reduce((s, r) => s + r.storageGbSeconds, 0),
    estimatedCost: rows.reduce((s, r) => s + r.estimatedCost, 0),
  },
  prices: { vcpuHour: 0.04048, gbHour: 0.004445, storageGbHour: 0.000111 },
  currency: 'USD',
});

describe('formatUsageReport', () => {
  it('prints an aligned row per task and a totals line', () => {
    const text = formatUsageReport(
      report([
        row('a1'),
        withoutService('b2', {
          capacityProviderName: 'FARGATE_SPOT',
          cpu: 1024,
          memory: 2048,
          running: true,
          billedSeconds: 3600,
          vcpuSeconds: 3600,
          gbSeconds: 7200,
          estimatedCost: 0.04937,
        }),
      ]),
    );
    expect(text).toBe(
      [
        'TASK  SERVICE  PROVIDER       CPU  MEMORY  STATE    SECONDS   VCPU-S     GB-S      COST',
        'a1    web      FARGATE        256     512  STOPPED       91    22.75    45.50  0.000312',
        'b2    -        FARGATE_SPOT  1024    2048  RUNNING     3600  3600.00  7200.00  0.049370',
        '',
        'TOTAL 2 tasks: 3622.75 vCPU-s, 7245.50 GB-s, 0.00 storage GB-s, estimated 0.049682 USD',
        '(prices per hour: vCPU 0.04048, GB 0.004445, storage GB above 20 0.000111 USD; running tasks are metered up to now)',
        '',
      ].join('\n'),
    );
  });

  it('adds a storage column only when some task has extra storage, and says when there is nothing', () => {
    expect(formatUsageReport(report([row('a1', { storageGbSeconds: 2730 })]))).toContain('STORAGE-GB-S');
    expect(formatUsageReport(report([row('a1')]))).not.toContain('STORAGE-GB-S');
    expect(formatUsageReport(report([]))).toMatch(/^No Fargate usage\.\n\nTOTAL 0 tasks: /);
  });
});
