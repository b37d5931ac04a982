/**
 * Renders a usage report as text: one aligned row per task (id, service, capacity provider, size,
 * state, billed seconds, vCPU-seconds, GB-seconds, cost to 6 decimals) and a totals line.
 */
import type { UsageReport, UsageRow } from '@berth/ecs';

interface Column {
  readonly title: string;
  readonly right?: boolean;
  readonly cell: (row: UsageRow) => string;
}

const taskIdOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const seconds = fixed(2);
const usd = fixed(6);

const columns = (withStorage: boolean): Column[] => [
  { title: 'TASK', cell: (r) => taskIdOf(r.taskArn) },
  { title: 'SERVICE', cell: (r) => r.serviceName ?? '-' },
  { title: 'PROVIDER', cell: (r) => r.capacityProviderName },
  { title: 'CPU', right: true, cell: (r) => String(r.cpu) },
  { title: 'MEMORY', right: true, cell: (r) => String(r.memory) },
  { title: 'STATE', cell: (r) => (r.running ? 'RUNNING' : 'STOPPED') },
  { title: 'SECONDS', right: true, cell: (r) => String(r.billedSeconds) },
  { title: 'VCPU-S', right: true, cell: (r) => seconds(r.vcpuSeconds) },
  { title: 'GB-S', right: true, cell: (r) => seconds(r.gbSeconds) },
  ...(withStorage
    ? [{ title: 'STORAGE-GB-S', right: true, cell: (r: UsageRow) => seconds(r.storageGbSeconds) }]
    : []),
  { title: 'COST', right: true, cell: (r) => usd(r.estimatedCost) },
];

const renderTable = (rows: readonly UsageRow[]): string[] => {
  const cols = columns(rows.some((r) => r.storageGbSeconds > 0));
  const cells = [cols.map((c) => c.title), ...rows.map((row) => cols.map((c) => c.cell(row)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((line) => line[i]?.length ?? 0)));
  return cells.map((line) =>
    line
      .map((text, i) => (cols[i]?.right ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

export const formatUsageReport = (report: UsageReport): string => {
  const { totals, prices, currency } = report;
  const lines = report.rows.length > 0 ? renderTable(report.rows) : ['No Fargate usage.'];
  lines.push(
    '',
    `TOTAL ${totals.tasks} task${totals.tasks === 1 ? '' : 's'}: ` +
      `${seconds(totals.vcpuSeconds)} vCPU-s, ${seconds(totals.gbSeconds)} GB-s, ` +
      `${seconds(totals.storageGbSeconds)} storage GB-s, estimated ${usd(totals.estimatedCost)} ${currency}`,
    `(prices per hour: vCPU ${prices.vcpuHour}, GB ${prices.gbHour}, ` +
      `storage GB above 20 ${prices.storageGbHour} ${currency}; running tasks are metered up to now)`,
  );
  return `${lines.join('\n')}\n`;
};
