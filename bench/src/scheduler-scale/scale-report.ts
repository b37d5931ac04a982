/** Renders the scheduler-scale results as plain-text tables, with the ratio to Nomad's C1M figure. */
import { table } from '../report.js';

import { renderProfile } from './profile-summary.js';
import type { SchedulerScaleResults, ScaleSizeResult } from './scale-results.js';

const fmt = (value: number | undefined, digits = 1): string =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const times = (value: number | undefined): string =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
const mib = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const count = (value: number): string => value.toLocaleString('en-US');

const sizeRow = (s: ScaleSizeResult, nomad: number): string[] => [
  count(s.instances),
  s.outcome,
  fmt(s.setupSeconds, 1),
  fmt(s.placedSeconds, 2),
  fmt(s.placementsPerSecond, 0),
  times(s.placementsPerSecond !== undefined ? s.placementsPerSecond / nomad : undefined),
  fmt(s.runningSeconds, 2),
  fmt(s.convergedSeconds, 2),
  fmt(s.floor?.placementsPerSecond, 0),
  times(s.placedSeconds !== undefined && s.floor ? s.placedSeconds / s.floor.seconds : undefined),
  mib(s.peakRssBytes),
  mib(s.peakHeapUsedBytes),
];

/** Placement time against the smallest converged size: instances ×k → time ×m, m ≈ k^exponent. */
const growth = (sizes: readonly ScaleSizeResult[]): string[] => {
  const measured = sizes.filter((s) => s.placedSeconds !== undefined);
  const base = measured[0];
  if (!base?.placedSeconds || measured.length < 2) return [];
  return [
    '',
    `  Growth with cluster size (placement time against the ${count(base.instances)}-instance run)`,
    table(
      ['instances', 'instances ×', 'place time ×', 'converge time ×', '≈ instances^'],
      measured.map((s) => {
        const k = s.instances / base.instances;
        const m = (s.placedSeconds ?? Number.NaN) / base.placedSeconds!;
        const c =
          s.convergedSeconds !== undefined && base.convergedSeconds !== undefined
            ? s.convergedSeconds / base.convergedSeconds
            : undefined;
        return [
          count(s.instances),
          times(k),
          times(m),
          times(c),
          k > 1 ? fmt(Math.log(m) / Math.log(k), 2) : '—',
        ];
      }),
    ),
  ];
};

const checks = (sizes: readonly ScaleSizeResult[]): string[] => {
  const rows = sizes.flatMap((s) =>
    s.checks
      ? [
          [
            count(s.instances),
            count(s.checks.liveTasks),
            count(s.checks.instancesUsed),
            String(s.checks.maxTasksPerInstance),
            String(s.checks.overcommitted),
            String(s.checks.maxZoneSkew),
            count(s.storeCommits ?? 0),
            s.reconciles === undefined ? 'n/a' : count(s.reconciles),
            fmt(s.maxEventLoopStallMs === undefined ? undefined : s.maxEventLoopStallMs / 1000, 2),
          ],
        ]
      : [],
  );
  if (rows.length === 0) return [];
  return [
    '',
    '  Placement checks (over-committed must be 0; zone skew ≤ 1 means each service is spread evenly over 3 zones)',
    table(
      [
        'instances',
        'live tasks',
        'instances used',
        'max tasks/instance',
        'over-committed',
        'zone skew',
        'store commits',
        'reconciles',
        'longest stall s',
      ],
      rows,
    ),
  ];
};

export const CAVEATS = [
  '  Caveats: Nomad C1M (2016) placed 1,000,000 containers on 5,000 real hosts with 5 Raft-replicated',
  '  servers, real clients and real networking; its ~3,750/s is a published figure, not measured here.',
  '  This run is one Node.js process: the real control plane (ServiceController, placement, plan',
  '  applier, in-memory store) with stand-in agents that only report tasks RUNNING — no',
  '  network, no agent protocol, no containers — and 100× fewer tasks than C1M. "× floor" is placement',
  '  time ÷ the time to commit the same 10,000 task records to a fresh store (no scheduling), measured',
  '  in the same process; it is what the scheduler adds on top of writing its decisions down.',
];

export const renderSchedulerScale = (results: SchedulerScaleResults): string[] => {
  const { settings } = results;
  const nomad = results.nomadC1mPlacementsPerSecond;
  const out = [
    `Scheduler scale — ${settings.services} services × ${settings.tasksPerService} tasks = ${count(settings.services * settings.tasksPerService)} tasks on a simulated cluster, one process`,
    `   instances: ${settings.instanceResources.cpu} CPU / ${settings.instanceResources.memory} MiB, 3 zones; tasks: ${settings.taskReservation.cpu} CPU / ${settings.taskReservation.memory} MiB;`,
    '   default service strategy (spread by zone, then instance). Times from the first CreateService:',
    '   place = every task placed; running = every task RUNNING; converged = DescribeServices runningCount',
    `   = desiredCount for all. Nomad C1M ≈ ${count(nomad)} placements/s [ECS-REFERENCE §10].`,
    table(
      [
        'instances',
        'outcome',
        'setup s',
        'place s',
        'placements/s',
        'vs Nomad C1M',
        'running s',
        'converged s',
        'floor/s',
        '× floor',
        'peak RSS',
        'peak heap',
      ],
      results.sizes.map((s) => sizeRow(s, nomad)),
    ),
    ...growth(results.sizes),
    ...checks(results.sizes),
  ];
  const unfinished = results.sizes.filter((s) => s.outcome !== 'converged');
  if (unfinished.length > 0) {
    out.push('', '  Unfinished sizes');
    for (const s of unfinished)
      out.push(
        `    ${count(s.instances)}: ${s.outcome} with ${count(s.placed)} placed, ${count(s.running)} running${s.error ? ` — ${s.error.split('\n')[0] ?? ''}` : ''}`,
      );
  }
  for (const s of results.sizes) {
    if (s.profile) out.push('', `  ${count(s.instances)} instances`, ...renderProfile(s.profile));
  }
  out.push('', ...CAVEATS);
  return out;
};
