/** Renders the replacement benchmark as plain-text tables, with Berth ÷ peer ratios. */
import { table } from '../report.js';
import type { StartLatencyResult } from '../start-latency.js';
import { ratio, type LatencySummary } from '../stats.js';

import type { ReplacementResults } from './replacement-bench.js';

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

const ratioRows = (berth: StartLatencyResult, peers: readonly StartLatencyResult[]): string[][] =>
  peers.map((peer) => [
    peer.system,
    times(ratio(berth.runningMs.p50, peer.runningMs.p50)),
    times(ratio(berth.runningMs.p90, peer.runningMs.p90)),
    times(ratio(berth.runningMs.max, peer.runningMs.max)),
    times(ratio(berth.httpMs.p50, peer.httpMs.p50)),
    times(ratio(berth.httpMs.p90, peer.httpMs.p90)),
  ]);

export const renderReplacement = (results: ReplacementResults): string[] => {
  const systems = [results.berth, results.dockerRestart, results.dockerRun].flatMap((s) => (s ? [s] : []));
  const out = [
    `Service task replacement — ${String(results.settings.runs)} rounds each after 1 warm-up, interleaved round by round`,
    '   berth: kill one of the 2 tasks of a service → the service again has 2 RUNNING tasks, one new',
    '          (ListTasks + DescribeTasks every 20 ms); docker restart policy: kill → `docker inspect`',
    '          shows it running with a new StartedAt (every 20 ms); docker run: `docker run -d` → running',
    '          (no kill: the start floor). http: until the (new) published port answers an HTTP GET.',
    results.settings.berthKill === 'docker-kill'
      ? '   Kill: berth `docker kill` (clock before the CLI call), docker SIGKILL to the container process.'
      : '   Kill: SIGKILL to the container process for both, the clock started just before it.',
    table(
      ['system', 'running p50', 'p90', 'max', 'http p50', 'p90', 'max', 'http failures'],
      systems.map((s) => [
        s.system,
        ms(s.runningMs.p50),
        ms(s.runningMs.p90),
        ms(s.runningMs.max),
        ms(s.httpMs.p50),
        ms(s.httpMs.p90),
        ms(s.httpMs.max),
        String(s.httpFailures),
      ]),
    ),
  ];
  const peers = [results.dockerRestart, results.dockerRun].flatMap((s) => (s ? [s] : []));
  if (results.berth && peers.length > 0) {
    out.push('', '  Berth / peer (1.00× = as fast as the peer)');
    out.push(
      table(
        ['peer', 'running p50', 'running p90', 'running max', 'http p50', 'http p90'],
        ratioRows(results.berth, peers),
      ),
    );
  }
  const berth = results.berthTimeline;
  const docker = results.dockerRestartTimeline;
  if (berth || docker) {
    const none = ['', '', ''];
    const cells = (s: LatencySummary | undefined): string[] => (s ? [ms(s.p50), ms(s.p90), ms(s.max)] : none);
    const row = (label: string, b: LatencySummary | undefined, d: LatencySummary | undefined): string[] => [
      label,
      ...cells(b),
      ...cells(d),
    ];
    out.push('', '  Where the time goes — each from the kill, by the systems’ own timestamps');
    out.push(
      table(
        ['step', 'berth p50', 'p90', 'max', 'docker restart p50', 'p90', 'max'],
        [
          row('container process exited (Docker State.FinishedAt)', berth?.exitedMs, docker?.exitedMs),
          row('old task STOPPED in the agent (executionStoppedAt)', berth?.agentStoppedMs, undefined),
          row('old task STOPPED in the control plane (stoppedAt)', berth?.stoppedMs, undefined),
          row('replacement placed by the scheduler (createdAt)', berth?.createdMs, undefined),
          row('replacement begun by the agent (pullStartedAt)', berth?.pullStartedMs, undefined),
          row('container running (task startedAt / State.StartedAt)', berth?.startedMs, docker?.startedMs),
          row('running seen by the bench’s polling', berth?.observedMs, results.dockerRestart?.runningMs),
        ],
      ),
    );
    if (berth && docker)
      out.push(
        `  Berth startedAt ÷ Docker StartedAt: p50 ${times(ratio(berth.startedMs.p50, docker.startedMs.p50))}, ` +
          `p90 ${times(ratio(berth.startedMs.p90, docker.startedMs.p90))}`,
      );
  }
  return out;
};

export const renderReplacementReport = (results: ReplacementResults): string => {
  const env = Object.entries(results.environment)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const lines = [
    `Berth service replacement benchmark — ${results.startedAt} (${results.durationSeconds.toFixed(0)} s)`,
    `  ${env}`,
    '',
    ...renderReplacement(results),
  ];
  if (results.notes.length > 0) lines.push('', 'Notes', ...results.notes.map((note) => `  ${note}`));
  const errors = Object.entries(results.errors);
  if (errors.length > 0)
    lines.push('', 'Errors', ...errors.map(([name, message]) => `  ${name}: ${message}`));
  return `${lines.join('\n')}\n`;
};
