/**
 * The HAProxy a `berth server` with a data directory runs: it outlives the server by design (as the
 * tasks do), so a suite that used one stops it itself when done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { waitFor } from './wait-for.js';

/** Whether `pid` runs (a zombie does not). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z');
  } catch {
    return false;
  }
};

/** The master pid of the HAProxy serving `dataDir`'s load balancers, if it runs. */
export const haproxyPidOf = (dataDir: string): number | undefined => {
  const file = join(dataDir, 'haproxy', 'haproxy.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim().split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
};

/** Stops it (soft stop, then its whole process group) and waits until it is gone. */
export const stopHaproxyOf = async (dataDir: string): Promise<void> => {
  const pid = haproxyPidOf(dataDir);
  if (pid === undefined) return;
  process.kill(pid, 'SIGUSR1');
  try {
    await waitFor(() => !processAlive(pid), 'haproxy to stop', 10_000, 100);
  } catch {
    process.kill(-pid, 'SIGKILL');
    await waitFor(() => !processAlive(pid), 'haproxy to be killed', 5_000, 100);
  }
};
