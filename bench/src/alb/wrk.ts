/**
 * One `wrk --latency` run against a URL, parsed: requests/s, the latency percentiles wrk prints
 * (50/75/90/99 %, in ms), non-2xx/3xx responses and socket errors. wrk is started through the
 * bench's child-process helper, so an interrupted run does not leave it behind.
 */
import { runToEnd } from '../child-process.js';

export interface WrkSettings {
  readonly threads: number;
  readonly connections: number;
  readonly seconds: number;
}

export interface WrkRun {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p75: number;
    readonly p90: number;
    readonly p99: number;
  };
  /** Responses that were not 2xx or 3xx. */
  readonly non2xx: number;
  /** connect + read + write + timeout socket errors. */
  readonly socketErrors: number;
}

export const WRK_BINARY = process.env.BENCH_WRK ?? '/usr/bin/wrk';

const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** "1.23ms" → 1.23, "850.00us" → 0.85, "1.01s" → 1010. */
export const parseDuration = (text: string): number => {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * (UNIT_MS[match[2]!] ?? Number.NaN);
};

const percentileOf = (output: string, p: number): number => {
  const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
  return match ? parseDuration(match[1]!) : Number.NaN;
};

export const parseWrk = (output: string): WrkRun => {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  const total = /^\s+(\d+) requests in/m.exec(output);
  if (!rps || !total) throw new Error(`wrk printed no result:\n${output}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(rps[1]),
    requests: Number(total[1]),
    latencyMs: {
      p50: percentileOf(output, 50),
      p75: percentileOf(output, 75),
      p90: percentileOf(output, 90),
      p99: percentileOf(output, 99),
    },
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: sockets ? sockets.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
};

/** Runs wrk to completion (it exits by itself after `seconds`) and parses what it printed. */
export const runWrk = async (url: string, settings: WrkSettings): Promise<WrkRun> => {
  const args = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${settings.seconds}s`,
    '--latency',
    url,
  ];
  const { code, output } = await runToEnd(WRK_BINARY, args, (settings.seconds + 30) * 1000);
  if (code !== 0) throw new Error(`wrk exited ${code}:\n${output}`);
  return parseWrk(output);
};
