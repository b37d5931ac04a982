/** The telemetry benchmark's results and their text report (Berth ÷ moto, shipping ÷ json-file). */
import type { LogPipelineResult } from './log-pipeline.js';
import type { TelemetryApiResult, TelemetryApiSettings } from './telemetry-api.js';

export interface TelemetryResults {
  readonly settings: TelemetryApiSettings & { readonly pipelineLines: number };
  api: { berth?: TelemetryApiResult; moto?: TelemetryApiResult };
  pipeline?: LogPipelineResult;
  readonly errors: Record<string, string>;
}

const fixed = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}×`;

const table = (rows: readonly (readonly string[])[]): string[] => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string =>
    `  ${r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')}`;
  return [line(rows[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
};

export const renderTelemetry = (results: TelemetryResults): string[] => {
  const { berth, moto } = results.api;
  const s = results.settings;
  const out = [
    `Telemetry — CloudWatch Logs and CloudWatch metrics, the same calls on Berth and moto (concurrency ${s.concurrency}, ${s.seconds} s each)`,
    ...table([
      ['call', 'unit', 'berth', 'moto', 'berth ÷ moto', 'berth p50 ms', 'moto p50 ms', 'errors b/m'],
      ...(
        [
          [
            'PutLogEvents',
            `events/s (${s.logBatch} per call)`,
            (r: TelemetryApiResult) => r.putLogEvents,
            (r: TelemetryApiResult) => r.putLogEvents.eventsPerSecond,
          ],
          [
            'FilterLogEvents',
            'calls/s (term, 100 events)',
            (r: TelemetryApiResult) => r.filterLogEvents,
            (r: TelemetryApiResult) => r.filterLogEvents.callsPerSecond,
          ],
          [
            'PutMetricData',
            `datums/s (${s.metricBatch} per call)`,
            (r: TelemetryApiResult) => r.putMetricData,
            (r: TelemetryApiResult) => r.putMetricData.datumsPerSecond,
          ],
          [
            'GetMetricData',
            'calls/s (5 queries)',
            (r: TelemetryApiResult) => r.getMetricData,
            (r: TelemetryApiResult) => r.getMetricData.callsPerSecond,
          ],
        ] as const
      ).map(([name, unit, loop, rate]) => [
        name,
        unit,
        fixed(berth && rate(berth)),
        fixed(moto && rate(moto)),
        ratio(berth && rate(berth), moto && rate(moto)),
        fixed(berth && loop(berth).latencyMs.p50, 2),
        fixed(moto && loop(moto).latencyMs.p50, 2),
        `${berth ? loop(berth).errors : '-'}/${moto ? loop(moto).errors : '-'}`,
      ]),
    ]),
  ];
  const p = results.pipeline;
  if (p) {
    const shipping = p.cpuSeconds.serverAwslogs - p.cpuSeconds.serverJsonFile;
    out.push(
      `Container stdout → FilterLogEvents (awslogs, an EC2 bridge task, ${p.lines} lines printed as fast as the container can)`,
      ...table([
        ['measure', 'value', 'floor or peer', 'ratio'],
        [
          'lines/s, first line received → last line found',
          fixed(p.visibleLinesPerSecond),
          `${fixed(p.dockerLinesPerSecond)} (Docker receiving them)`,
          ratio(p.visibleLinesPerSecond, p.dockerLinesPerSecond),
        ],
        [
          'last line received → found by FilterLogEvents',
          `${fixed(p.lastLineVisibleAfterMs)} ms`,
          '(awslogs flushes every 5 s or per full batch)',
          '',
        ],
        [
          'CPU s: berth server shipping (awslogs − json-file run)',
          fixed(shipping, 2),
          `${fixed(p.cpuSeconds.dockerdJsonFile, 2)} (dockerd, json-file)`,
          ratio(shipping, p.cpuSeconds.dockerdJsonFile),
        ],
        [
          'CPU s: dockerd, awslogs run (json-file + the followed stream)',
          fixed(p.cpuSeconds.dockerdAwslogs, 2),
          `${fixed(p.cpuSeconds.dockerdJsonFile, 2)} (json-file run)`,
          ratio(p.cpuSeconds.dockerdAwslogs, p.cpuSeconds.dockerdJsonFile),
        ],
      ]),
      '  The berth server process holds the embedded agent and the Logs API, so its shipping CPU includes storing the events.',
    );
  }
  for (const [step, error] of Object.entries(results.errors)) out.push(`  error: ${step}: ${error}`);
  return out;
};
