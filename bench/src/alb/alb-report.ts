/** Renders the ALB benchmark as plain-text tables: the three systems, Berth ÷ nginx, registration. */
import { table } from '../report.js';

import { PROXY_SYSTEMS, type AlbResults, type PairedRatio } from './alb-results.js';

const fmt = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const range = (r: PairedRatio): string => `${times(r.median)} (${times(r.min)}–${times(r.max)})`;

/** Throughput goal ≥ 0.9× nginx, p99 goal ≤ 1.2× nginx. */
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

const proxySection = (results: AlbResults): string[] => {
  const s = results.settings;
  const out = [
    `1. HTTP through a proxy to one static nginx backend — wrk -t${s.threads} -c${s.connections} -d${s.seconds}s --latency,`,
    `   ${s.rounds} rounds after a ${s.warmupSeconds} s warm-up each, the order rotating; medians over rounds`,
    `   berth: ALB listener (HAProxy ${results.haproxyThreads ?? '?'} threads); nginx: proxy_pass + upstream keepalive,` +
      ` worker_processes ${results.nginxWorkers ?? '?'}; direct: wrk → backend (the floor)`,
  ];
  const proxy = results.proxy;
  if (!proxy) return out;
  out.push(
    table(
      ['system', 'req/s', 'p50 ms', 'p99 ms', 'per round req/s', 'non-2xx', 'socket errors'],
      PROXY_SYSTEMS.flatMap((system) => {
        const r = proxy.systems[system];
        if (!r) return [];
        return [
          [
            system,
            fmt(r.requestsPerSecond, 0),
            fmt(r.p50Ms),
            fmt(r.p99Ms),
            r.runs.map((run) => run.requestsPerSecond.toFixed(0)).join(' '),
            String(r.non2xx),
            String(r.socketErrors),
          ],
        ];
      }),
    ),
  );
  const ratios = proxy.berthOverNginx;
  if (ratios) {
    out.push('', '  Berth ÷ nginx, paired round by round: median (lowest–highest)');
    out.push(
      table(
        ['measure', 'berth ÷ nginx', 'goal', 'verdict'],
        [
          ['throughput', range(ratios.throughput), '≥ 0.90×', verdict(ratios.throughput.median >= 0.9)],
          ['p50 latency', range(ratios.p50), '', ''],
          ['p99 latency', range(ratios.p99), '≤ 1.20×', verdict(ratios.p99.median <= 1.2)],
        ],
      ),
    );
  }
  if (proxy.berthOverDirect)
    out.push(
      `  Berth ÷ direct: throughput ${times(proxy.berthOverDirect.throughput)}, p99 ${times(proxy.berthOverDirect.p99)}`,
    );
  return out;
};

const registrationSection = (results: AlbResults): string[] => {
  const r = results.registration;
  const out = [
    `2. RegisterTargets → first request served by the new target — ${results.settings.registrations} rounds after 1 warm-up`,
    '   (the listener already serving one target; back-to-back keep-alive GETs until the new body; deregistered',
    '    with delay 0 and gone before the next round)',
  ];
  if (!r) return out;
  const row = (label: string, s: typeof r.firstServedMs): string[] => [
    label,
    fmt(s.p50),
    fmt(s.p90),
    fmt(s.max),
  ];
  out.push(
    table(
      ['measure', 'p50 ms', 'p90 ms', 'max ms'],
      [
        row('register → first request served', r.firstServedMs),
        row('  RegisterTargets call alone', r.registerCallMs),
        row('  one runtime API command (own connection)', r.runtimeApiMs),
        row('  one health-check GET (fresh connection)', r.healthCheckGetMs),
        row('  listener GETs per round', r.pollsPerRound),
      ],
    ),
    `  Floor (call + 1 check + 4 runtime API round trips, at their p50): ${fmt(r.floorMs)} ms;` +
      ` measured p50 ÷ floor ${times(r.firstServedMs.p50 / r.floorMs)}`,
  );
  return out;
};

export const renderAlbReport = (results: AlbResults): string => {
  const env = Object.entries(results.environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const lines = [
    `Berth ALB data-plane benchmark — ${results.startedAt} (${results.durationSeconds.toFixed(0)} s)`,
    `  ${env}`,
    '',
    ...proxySection(results),
    '',
    ...registrationSection(results),
  ];
  if (results.notes.length > 0) lines.push('', 'Notes', ...results.notes.map((note) => `  ${note}`));
  const errors = Object.entries(results.errors);
  if (errors.length > 0)
    lines.push('', 'Errors', ...errors.map(([name, message]) => `  ${name}: ${message}`));
  return `${lines.join('\n')}\n`;
};
