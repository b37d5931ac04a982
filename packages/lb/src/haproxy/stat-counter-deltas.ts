/**
 * Per-interval counter deltas from two `show stat` samples. HAProxy's counters are cumulative and
 * belong to one worker process: a reload or restart starts every counter again from zero. So a
 * sample from another worker (its pid changed), a counter that went down, or a row not seen before
 * means a new count, and the current value itself is the delta. Averages (rtime) are gauges and are
 * passed through. Pure.
 */
import type { StatRow, StatRowType } from './stat-csv.js';

/** One `show stat` reply and the worker that answered it (undefined when unknown). */
export interface StatSample {
  readonly workerPid: number | undefined;
  readonly rows: readonly StatRow[];
}

export const STAT_COUNTERS = [
  'req_tot',
  'hrsp_1xx',
  'hrsp_2xx',
  'hrsp_3xx',
  'hrsp_4xx',
  'hrsp_5xx',
  'hrsp_other',
] as const;

export type StatCounter = (typeof STAT_COUNTERS)[number];

/** One row's counts during the interval, and its averages at the interval's end. */
export interface StatRowDelta {
  readonly pxname: string;
  readonly svname: string;
  readonly type: StatRowType;
  readonly counts: Readonly<Record<StatCounter, number>>;
  /** Average response time (ms) of the row's last 1024 responses, at the end of the interval. */
  readonly rtime: number;
}

const rowKey = (row: { readonly pxname: string; readonly svname: string }): string =>
  `${row.pxname}/${row.svname}`;

/** A cumulative counter's increase; a decrease means it restarted from zero. */
export const counterDelta = (previous: number | undefined, current: number): number =>
  previous === undefined || current < previous ? current : current - previous;

/**
 * The counts of every row of `current` since `previous`; undefined for the first sample, which is
 * only a baseline (counts from before Berth watched are never reported).
 */
export const statDeltas = (
  previous: StatSample | undefined,
  current: StatSample,
): readonly StatRowDelta[] | undefined => {
  if (previous === undefined) return undefined;
  const sameWorker =
    previous.workerPid === undefined ||
    current.workerPid === undefined ||
    previous.workerPid === current.workerPid;
  const before = new Map(sameWorker ? previous.rows.map((row) => [rowKey(row), row]) : []);
  return current.rows.map((row) => {
    const old = before.get(rowKey(row));
    const counts = Object.fromEntries(
      STAT_COUNTERS.map((counter) => [counter, counterDelta(old?.[counter], row[counter])]),
    ) as Record<StatCounter, number>;
    return { pxname: row.pxname, svname: row.svname, type: row.type, counts, rtime: row.rtime };
  });
};

/**
 * Two consecutive intervals' deltas as one (a sample taken just before a reload, then the next):
 * counts add up; a row's rtime is the mean of both weighted by their requests.
 */
export const mergeStatDeltas = (
  earlier: readonly StatRowDelta[],
  later: readonly StatRowDelta[],
): readonly StatRowDelta[] => {
  const merged = new Map(earlier.map((row) => [rowKey(row), row]));
  for (const row of later) {
    const old = merged.get(rowKey(row));
    if (old === undefined) {
      merged.set(rowKey(row), row);
      continue;
    }
    const requests = old.counts.req_tot + row.counts.req_tot;
    const counts = Object.fromEntries(
      STAT_COUNTERS.map((counter) => [counter, old.counts[counter] + row.counts[counter]]),
    ) as Record<StatCounter, number>;
    const rtime =
      requests === 0
        ? row.rtime
        : (old.rtime * old.counts.req_tot + row.rtime * row.counts.req_tot) / requests;
    merged.set(rowKey(row), { ...row, counts, rtime });
  }
  return [...merged.values()];
};
