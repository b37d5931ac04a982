/** Renders the registry benchmark: both systems and the floor, then subject ÷ peer, paired by round. */
import { fmt, table, times } from '../report.js';
import type { PairedRatio } from '../stats.js';

import type { RegistryResults } from './registry-results.js';

const range = (r: PairedRatio): string => `${times(r.median)} (${times(r.min)}–${times(r.max)})`;

/** Throughput goal: ≥ 0.9× distribution, on push and on pull. */
const THROUGHPUT_GOAL = 0.9;

const systemsTable = (results: RegistryResults): string => {
  const summary = results.summary;
  const rows = [results.subject, results.peer].flatMap((system) => {
    const s = summary?.systems[system];
    if (!s) return [];
    const rounds = results.rounds.flatMap((r) => (r.systems[system] ? [r.systems[system]] : []));
    return [
      [
        system,
        fmt(s.pushMBps, 0),
        fmt(s.pullMBps, 0),
        fmt(s.blobFirstByteMs, 2),
        fmt(s.manifestFirstByteMs, 2),
        rounds.map((r) => r.pushMBps.toFixed(0)).join(' '),
        rounds.map((r) => r.pullMBps.toFixed(0)).join(' '),
      ],
    ];
  });
  const floor = summary?.floor;
  if (floor)
    rows.push([
      'floor (in-process, no HTTP)',
      fmt(floor.storeMBps, 0),
      fmt(floor.readMBps, 0),
      '',
      '',
      '',
      '',
    ]);
  return table(
    [
      'system',
      'push MB/s',
      'pull MB/s',
      'blob TTFB p50 ms',
      'manifest TTFB p50 ms',
      'push per round',
      'pull per round',
    ],
    rows,
  );
};

const ratiosSection = (results: RegistryResults): string[] => {
  const ratios = results.summary?.subjectOverPeer;
  if (!ratios) return [];
  const verdict = (r: PairedRatio): string => (r.median >= THROUGHPUT_GOAL ? 'met' : 'NOT met');
  return [
    '',
    `  ${results.subject} ÷ ${results.peer}, paired round by round (${ratios.rounds} rounds): median (lowest–highest)`,
    table(
      ['measure', `${results.subject} ÷ ${results.peer}`, 'goal', 'verdict'],
      [
        ['push throughput', range(ratios.push), `≥ ${THROUGHPUT_GOAL.toFixed(2)}×`, verdict(ratios.push)],
        ['pull throughput', range(ratios.pull), `≥ ${THROUGHPUT_GOAL.toFixed(2)}×`, verdict(ratios.pull)],
        ['blob time to first byte (p50)', range(ratios.blobFirstByte), '', ''],
        ['manifest time to first byte (p50)', range(ratios.manifestFirstByte), '', ''],
      ],
    ),
  ];
};

export const renderRegistry = (results: RegistryResults): string => {
  const s = results.settings;
  const env = Object.entries(results.environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const lines = [
    `Registry — push and pull of a ${s.layers} × ${s.layerMiB} MiB image (random layers, config, schema 2 manifest), ${results.subject} vs ${results.peer} — ${results.startedAt} (${results.durationSeconds.toFixed(0)} s)`,
    `  ${env}`,
    `  one Node client speaking distribution v2 as docker does: ${s.concurrency} blobs at a time, one streamed PATCH per blob,`,
    `  pulls verified by sha256; ${s.rounds} rounds, fresh repository and fresh bytes each; per round push A B, pull B A,`,
    `  probes A B A B, A alternating from round to round;`,
    `  MB = 10⁶ bytes; TTFB: request → first body byte, ${s.firstByteSamples} GETs each per round (layer blobs, manifest by tag)`,
    `  floor: the same layers hashed and written to files (store), read back and hashed (read), in-process`,
    systemsTable(results),
    ...ratiosSection(results),
  ];
  if (results.notes.length > 0) lines.push('', 'Notes', ...results.notes.map((note) => `  ${note}`));
  const errors = Object.entries(results.errors);
  if (errors.length > 0) lines.push('', 'Errors', ...errors.map(([name, text]) => `  ${name}: ${text}`));
  return `${lines.join('\n')}\n`;
};
