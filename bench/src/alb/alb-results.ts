/** The shape of one ALB benchmark run, its settings, and the summaries computed from wrk runs. */
import { median, paired, ratio, summarize, type LatencySummary, type PairedRatio } from '../stats.js';

import type { WrkRun, WrkSettings } from './wrk.js';

export type { PairedRatio };

export const PROXY_SYSTEMS = ['direct', 'berth', 'nginx'] as const;
export type ProxySystem = (typeof PROXY_SYSTEMS)[number];

export interface AlbSettings extends WrkSettings {
  /** Measured wrk rounds; each round runs every system once, the order rotating. */
  readonly rounds: number;
  readonly warmupSeconds: number;
  /** Measured registration rounds (one warm-up round more is not counted). */
  readonly registrations: number;
}

export interface SystemSummary {
  readonly runs: readonly WrkRun[];
  /** Medians over the rounds of each run's requests/s, p50 and p99. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly socketErrors: number;
}

export interface ProxyResults {
  readonly systems: Partial<Record<ProxySystem, SystemSummary>>;
  /** Berth ÷ nginx, round by round (throughput: above 1 favours Berth; latency: below 1). */
  readonly berthOverNginx?: { throughput: PairedRatio; p50: PairedRatio; p99: PairedRatio };
  readonly berthOverDirect?: { throughput: number; p99: number };
}

export interface RegistrationResults {
  readonly firstServedMs: LatencySummary;
  readonly registerCallMs: LatencySummary;
  readonly pollsPerRound: LatencySummary;
  /** One HAProxy runtime API command (`show servers state`, its own connection), round trip. */
  readonly runtimeApiMs: LatencySummary;
  /** One GET to the new backend on a fresh connection: what one passing health check costs. */
  readonly healthCheckGetMs: LatencySummary;
  /** RegisterTargets call + one check + 4 runtime API round trips (two passes of the controller). */
  readonly floorMs: number;
}

export interface AlbResults {
  readonly startedAt: string;
  durationSeconds: number;
  readonly environment: Readonly<Record<string, string | number>>;
  readonly settings: AlbSettings & Record<string, unknown>;
  haproxyThreads?: number;
  nginxWorkers?: number;
  proxy?: ProxyResults;
  registration?: RegistrationResults;
  readonly errors: Record<string, string>;
  readonly notes: string[];
}

export const summarizeSystem = (runs: readonly WrkRun[]): SystemSummary => ({
  runs,
  requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
  p50Ms: median(runs.map((r) => r.latencyMs.p50)),
  p99Ms: median(runs.map((r) => r.latencyMs.p99)),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  socketErrors: runs.reduce((sum, r) => sum + r.socketErrors, 0),
});

/** Ratios from runs of the same rounds (index i of each list is round i). */
export const proxyResults = (runs: Readonly<Record<ProxySystem, WrkRun[]>>): ProxyResults => {
  const systems: Partial<Record<ProxySystem, SystemSummary>> = {};
  for (const system of PROXY_SYSTEMS)
    if (runs[system].length > 0) systems[system] = summarizeSystem(runs[system]);
  const { berth, nginx, direct } = systems;
  const n = Math.min(runs.berth.length, runs.nginx.length);
  const pick = (system: ProxySystem, f: (r: WrkRun) => number): number[] => runs[system].slice(0, n).map(f);
  return {
    systems,
    ...(berth && nginx && n > 0
      ? {
          berthOverNginx: {
            throughput: paired(
              pick('berth', (r) => r.requestsPerSecond),
              pick('nginx', (r) => r.requestsPerSecond),
            ),
            p50: paired(
              pick('berth', (r) => r.latencyMs.p50),
              pick('nginx', (r) => r.latencyMs.p50),
            ),
            p99: paired(
              pick('berth', (r) => r.latencyMs.p99),
              pick('nginx', (r) => r.latencyMs.p99),
            ),
          },
        }
      : {}),
    ...(berth && direct
      ? {
          berthOverDirect: {
            throughput: ratio(berth.requestsPerSecond, direct.requestsPerSecond),
            p99: ratio(berth.p99Ms, direct.p99Ms),
          },
        }
      : {}),
  };
};

export const registrationResults = (
  rounds: readonly { firstServedMs: number; registerCallMs: number; polls: number }[],
  runtimeApiMs: readonly number[],
  healthCheckGetMs: readonly number[],
): RegistrationResults => {
  const registerCallMs = summarize(rounds.map((r) => r.registerCallMs));
  const runtime = summarize(runtimeApiMs);
  const check = summarize(healthCheckGetMs);
  return {
    firstServedMs: summarize(rounds.map((r) => r.firstServedMs)),
    registerCallMs,
    pollsPerRound: summarize(rounds.map((r) => r.polls)),
    runtimeApiMs: runtime,
    healthCheckGetMs: check,
    floorMs: registerCallMs.p50 + check.p50 + 4 * runtime.p50,
  };
};
