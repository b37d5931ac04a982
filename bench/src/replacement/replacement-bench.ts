/**
 * Service task replacement latency: Berth's service scheduler replacing a killed task, against
 * Docker's restart policy restarting a killed container and against a plain `docker run`, one
 * round of each in turn (see start-latency.ts), one warm-up round not counted.
 */
import { removeBenchContainers, removeTaskContainers } from '../docker-cli.js';
import { dockerRunStarter } from '../docker-cli-floor.js';
import type { BenchConfig } from '../config.js';
import { startBerth, type EcsEndpoint } from '../servers.js';
import { measureInterleaved, type StartLatencyResult, type Starter } from '../start-latency.js';
import { summarize, type LatencySummary } from '../stats.js';

import {
  berthReplacementStarter,
  type BerthReplacementStarter,
  type BerthTimeline,
} from './berth-replacement.js';
import { readKillMode, type KillMode } from './container-kill.js';
import { dockerRestartStarter, type DockerRestartTimeline } from './docker-restart.js';

export interface ReplacementResults {
  readonly startedAt: string;
  durationSeconds: number;
  readonly environment: Readonly<Record<string, string | number>>;
  readonly settings: Readonly<Record<string, unknown>>;
  berth?: StartLatencyResult | undefined;
  dockerRestart?: StartLatencyResult | undefined;
  dockerRun?: StartLatencyResult | undefined;
  /** Berth's own timestamps, ms after the kill (measured rounds only). */
  berthTimeline?: Readonly<Record<keyof BerthTimeline, LatencySummary>>;
  /** Docker's own timestamps of the restarted container, ms after the kill (measured rounds only). */
  dockerRestartTimeline?: Readonly<Record<keyof DockerRestartTimeline, LatencySummary>>;
  readonly errors: Record<string, string>;
  readonly notes: string[];
}

export interface ReplacementSettings {
  /** Measured rounds per system (one warm-up round more is not counted). */
  readonly runs: number;
  /** How Berth's task containers are killed (Docker's always by signal). */
  readonly berthKill: KillMode;
}

export const readReplacementSettings = (): ReplacementSettings => {
  const raw = process.env.BENCH_REPLACEMENT_RUNS;
  const runs = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isInteger(runs) || runs <= 0)
    throw new Error(`BENCH_REPLACEMENT_RUNS must be a positive integer, got ${raw}`);
  return { runs, berthKill: readKillMode() };
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Summarizes each field across rounds, leaving out rounds where that timestamp was missing. */
const timelineSummary = <T extends object>(timelines: readonly T[]): Record<keyof T, LatencySummary> => {
  const keys = Object.keys(timelines[0] ?? {}) as (keyof T)[];
  const values = (key: keyof T): number[] =>
    timelines.map((t) => Number(t[key])).filter((value) => Number.isFinite(value));
  return Object.fromEntries(keys.map((key) => [key, summarize(values(key))])) as Record<
    keyof T,
    LatencySummary
  >;
};

/**
 * Runs the benchmark into `results`. The Berth server, its service and every container started
 * here are gone when this returns, also on failure or interruption.
 */
export const benchReplacement = async (
  config: BenchConfig,
  { runs, berthKill }: ReplacementSettings,
  results: ReplacementResults,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<void> => {
  const seen = new Set<string>();
  let server: EcsEndpoint | undefined;
  let berth: BerthReplacementStarter | undefined;
  try {
    try {
      progress('starting berth server --in-memory with its embedded agent; service of 2 tasks');
      server = await startBerth(config, { agent: true });
      berth = await berthReplacementStarter(config, server.endpoint, seen, berthKill);
    } catch (error) {
      results.errors['berth service'] = message(error);
    }
    const restart = dockerRestartStarter(config);
    const run = dockerRunStarter(config);
    const starters: Starter[] = berth ? [berth, restart, run] : [restart, run];
    progress(`${runs} + 1 warm-up rounds: ${starters.map((s) => s.system).join(', ')} — interleaved`);
    const { results: measured, errors } = await measureInterleaved(starters, runs, signal);
    const bySystem = (starter: Starter | undefined): StartLatencyResult | undefined =>
      measured.find((result) => result.system === starter?.system);
    results.berth = bySystem(berth);
    results.dockerRestart = bySystem(restart);
    results.dockerRun = bySystem(run);
    // The first entry of each timeline is the warm-up round.
    if (results.berth && berth) results.berthTimeline = timelineSummary(berth.timelines.slice(1));
    if (results.dockerRestart) results.dockerRestartTimeline = timelineSummary(restart.timelines.slice(1));
    for (const [system, error] of Object.entries(errors)) results.errors[system] = error;
  } catch (error) {
    results.errors.replacement = signal.aborted ? 'interrupted' : message(error);
  } finally {
    progress('cleaning up: deleting the service, stopping berth');
    await berth?.close();
    await server?.stop();
    const left = await removeTaskContainers(seen).catch(() => 0);
    if (left > 0)
      results.notes.push(`berth left ${left} task container(s) after shutdown; the bench removed them`);
    await removeBenchContainers().catch(() => undefined);
  }
};
