/** The shape of one registry benchmark run, and the summaries and paired ratios computed from it. */
import { median, paired, type PairedRatio } from '../stats.js';

import type { FloorRound } from './disk-floor.js';

export interface RegistrySettings {
  /** Measured rounds; each pushes and pulls a fresh image on every system, the order alternating. */
  readonly rounds: number;
  readonly layers: number;
  readonly layerMiB: number;
  /** Blobs in flight at once, on push and on pull (docker's default: 3). */
  readonly concurrency: number;
  /** Timed GETs per round and system, of a manifest and of a layer blob each. */
  readonly firstByteSamples: number;
  /** What stands against distribution: Berth, or a second distribution to check the bench itself. */
  readonly subject: 'berth' | 'distribution';
}

export interface SystemRound {
  /** Blob bytes (layers and config) ÷ wall time of the whole push or pull, in 10⁶ bytes/s. */
  readonly pushMBps: number;
  readonly pullMBps: number;
  readonly blobFirstByteMs: readonly number[];
  readonly manifestFirstByteMs: readonly number[];
}

export interface RegistryRound {
  readonly order: readonly string[];
  floor?: FloorRound;
  readonly systems: Record<string, SystemRound>;
}

export interface SystemSummary {
  readonly rounds: number;
  /** Medians over rounds. */
  readonly pushMBps: number;
  readonly pullMBps: number;
  /** p50 over every sample of every round. */
  readonly blobFirstByteMs: number;
  readonly manifestFirstByteMs: number;
}

export interface RegistrySummary {
  readonly systems: Record<string, SystemSummary>;
  readonly floor?: { readonly storeMBps: number; readonly readMBps: number };
  /** Subject ÷ peer over the rounds both completed (throughput: above 1 favours the subject). */
  readonly subjectOverPeer?: {
    readonly rounds: number;
    readonly push: PairedRatio;
    readonly pull: PairedRatio;
    readonly blobFirstByte: PairedRatio;
    readonly manifestFirstByte: PairedRatio;
  };
}

export interface RegistryResults {
  readonly startedAt: string;
  durationSeconds: number;
  readonly environment: Readonly<Record<string, string | number>>;
  readonly settings: RegistrySettings;
  /** The system names in the report: the subject (`berth`) and the peer (`distribution`). */
  readonly subject: string;
  readonly peer: string;
  readonly rounds: RegistryRound[];
  summary?: RegistrySummary;
  readonly errors: Record<string, string>;
  readonly notes: string[];
}

const summarizeSystem = (rounds: readonly SystemRound[]): SystemSummary => ({
  rounds: rounds.length,
  pushMBps: median(rounds.map((r) => r.pushMBps)),
  pullMBps: median(rounds.map((r) => r.pullMBps)),
  blobFirstByteMs: median(rounds.flatMap((r) => r.blobFirstByteMs)),
  manifestFirstByteMs: median(rounds.flatMap((r) => r.manifestFirstByteMs)),
});

export const summarizeRegistry = (results: RegistryResults): RegistrySummary => {
  const { subject, peer } = results;
  const systems: Record<string, SystemSummary> = {};
  for (const system of [subject, peer]) {
    const rounds = results.rounds.flatMap((r) => (r.systems[system] ? [r.systems[system]] : []));
    if (rounds.length > 0) systems[system] = summarizeSystem(rounds);
  }
  const floors = results.rounds.flatMap((r) => (r.floor ? [r.floor] : []));
  const both = results.rounds.flatMap((r) => {
    const a = r.systems[subject];
    const b = r.systems[peer];
    return a && b ? [{ a, b }] : [];
  });
  const ratioOf = (f: (r: SystemRound) => number): PairedRatio =>
    paired(
      both.map(({ a }) => f(a)),
      both.map(({ b }) => f(b)),
    );
  return {
    systems,
    ...(floors.length > 0
      ? {
          floor: {
            storeMBps: median(floors.map((f) => f.storeMBps)),
            readMBps: median(floors.map((f) => f.readMBps)),
          },
        }
      : {}),
    ...(both.length > 0
      ? {
          subjectOverPeer: {
            rounds: both.length,
            push: ratioOf((r) => r.pushMBps),
            pull: ratioOf((r) => r.pullMBps),
            blobFirstByte: ratioOf((r) => median(r.blobFirstByteMs)),
            manifestFirstByte: ratioOf((r) => median(r.manifestFirstByteMs)),
          },
        }
      : {}),
  };
};
