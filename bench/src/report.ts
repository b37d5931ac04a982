/** Renders a benchmark run as plain-text tables. */
import { OPERATIONS } from './api-workload.js';
import { apiRatios, startRatios, type BenchResults } from './results.js';
import { ratio } from './stats.js';

export const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

export const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = headers.map((header, col) =>
    Math.max(header.length, ...rows.map((row) => (row[col] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
};

const apiSection = (results: BenchResults): string[] => {
  const systems = [results.api.berth, results.api.moto].flatMap((s) => (s ? [s] : []));
  const rows = systems.flatMap((s) =>
    s.phases.map((p) => [
      s.system,
      String(p.concurrency),
      fmt(p.opsPerSecond, 0),
      fmt(p.latencyMs.p50, 2),
      fmt(p.latencyMs.p99, 2),
      String(p.errors),
      String(p.operations),
      fmt(p.seconds, 1),
    ]),
  );
  const out = [
    '1. ECS API — mixed workload, 9 calls per iteration (4 writes, 5 reads), same workload on both',
    table(['system', 'concurrency', 'ops/s', 'p50 ms', 'p99 ms', 'errors', 'ops', 'seconds'], rows),
  ];
  const ratios = apiRatios(results);
  if (ratios.length > 0) {
    out.push('', '  Berth / moto (throughput: above 1 is better for Berth; latency: below 1 is better)');
    out.push(
      table(
        ['concurrency', 'throughput', 'p50 latency', 'p99 latency'],
        ratios.map((r) => [String(r.concurrency), times(r.throughput), times(r.p50), times(r.p99)]),
      ),
    );
  }
  const berth1 = results.api.berth?.phases.find((p) => p.concurrency === 1);
  const moto1 = results.api.moto?.phases.find((p) => p.concurrency === 1);
  if (berth1 && moto1) {
    out.push('', '  Per operation, concurrency 1 (p50 ms)');
    out.push(
      table(
        ['operation', 'berth', 'moto', 'berth/moto'],
        OPERATIONS.map((op) => {
          const b = berth1.perOperationMs[op].p50;
          const m = moto1.perOperationMs[op].p50;
          return [op, fmt(b, 2), fmt(m, 2), times(ratio(b, m))];
        }),
      ),
    );
  }
  return out;
};

const startSection = (results: BenchResults): string[] => {
  const systems = [results.start.berth, results.start.dockerRun, results.start.engineApi].flatMap((s) =>
    s ? [s] : [],
  );
  const out = [
    `2. Container start latency — ${String(results.settings.startRuns)} starts each after 1 warm-up, interleaved start by start, one at a time`,
    '   running: until reported running (Berth: DescribeTasks lastStatus RUNNING, polled every 20 ms;',
    '            Docker: State.Running true); http: until the published port answers an HTTP GET',
    table(
      ['system', 'running p50', 'p90', 'max', 'http p50', 'p90', 'max', 'http failures'],
      systems.map((s) => [
        s.system,
        `${fmt(s.runningMs.p50, 0)} ms`,
        `${fmt(s.runningMs.p90, 0)} ms`,
        `${fmt(s.runningMs.max, 0)} ms`,
        `${fmt(s.httpMs.p50, 0)} ms`,
        `${fmt(s.httpMs.p90, 0)} ms`,
        `${fmt(s.httpMs.max, 0)} ms`,
        String(s.httpFailures),
      ]),
    ),
  ];
  const ratios = startRatios(results);
  if (ratios.length > 0) {
    out.push('', '  Berth / floor (1.00× = as fast as the floor)');
    out.push(
      table(
        ['floor', 'running p50', 'running p90', 'http p50', 'http p90'],
        ratios.map((r) => [
          r.floor,
          times(r.runningP50),
          times(r.runningP90),
          times(r.httpP50),
          times(r.httpP90),
        ]),
      ),
    );
  }
  return out;
};

export const renderReport = (results: BenchResults): string => {
  const env = Object.entries(results.environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const lines = [
    `Berth benchmarks — ${results.startedAt} (${fmt(results.durationSeconds, 0)} s)`,
    `  ${env}`,
    '',
    ...apiSection(results),
    '',
    ...startSection(results),
  ];
  if (results.notes.length > 0) lines.push('', 'Notes', ...results.notes.map((note) => `  ${note}`));
  const errors = Object.entries(results.errors);
  if (errors.length > 0)
    lines.push('', 'Errors', ...errors.map(([name, message]) => `  ${name}: ${message}`));
  for (const s of [results.api.berth, results.api.moto]) {
    for (const p of s?.phases ?? []) {
      if (p.firstErrors.length > 0) {
        lines.push(`  ${s?.system} c${p.concurrency} first errors:`, ...p.firstErrors.map((e) => `    ${e}`));
      }
    }
  }
  return `${lines.join('\n')}\n`;
};
