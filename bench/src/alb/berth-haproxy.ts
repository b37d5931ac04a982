/**
 * The HAProxy a `berth server --in-memory` starts, found through the TMPDIR the bench gives that
 * server: Berth keeps HAProxy's files in `$TMPDIR/berth-haproxy-*` (admin socket, pidfile). The
 * bench reads HAProxy's thread count there, times runtime API round trips, and, should Berth
 * leave it running (killed before its cleanup), kills the master and its workers itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runtimeCommand } from './probes.js';

export interface BerthHaproxyFiles {
  readonly directory: string;
  readonly adminSocket: string;
  readonly pidFile: string;
}

/** Each HAProxy directory under `tmp` (there is one per Berth server started with that TMPDIR). */
export const berthHaproxyDirs = (tmp: string): BerthHaproxyFiles[] =>
  (existsSync(tmp) ? readdirSync(tmp) : [])
    .filter((name) => name.startsWith('berth-haproxy-'))
    .map((name) => {
      const directory = join(tmp, name);
      return {
        directory,
        adminSocket: join(directory, 'admin.sock'),
        pidFile: join(directory, 'haproxy.pid'),
      };
    });

/** `show info`'s Nbthread: the worker threads HAProxy runs (it defaults to one per CPU). */
export const haproxyThreads = async (adminSocket: string): Promise<number> => {
  const info = await runtimeCommand(adminSocket, 'show info');
  const match = /^Nbthread:\s*(\d+)/m.exec(info);
  if (!match) throw new Error(`HAProxy's show info has no Nbthread:\n${info}`);
  return Number(match[1]);
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of a master and its children (the workers), for those still alive. */
const masterAndWorkers = (pidFile: string): number[] => {
  if (!existsSync(pidFile)) return [];
  const master = Number(readFileSync(pidFile, 'utf8').trim().split(/\s+/)[0]);
  if (!Number.isInteger(master) || master <= 1 || !alive(master)) return [];
  const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(master)], { encoding: 'utf8' });
  const workers = (ps.stdout ?? '')
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 1);
  return [master, ...workers];
};

/**
 * Synchronous (it also runs in an `exit` handler): SIGKILLs any HAProxy whose pidfile is under
 * `tmp` and is still alive. Returns how many processes it killed (0 when Berth cleaned up).
 */
export const killLeftoverHaproxy = (tmp: string): number => {
  let killed = 0;
  for (const files of berthHaproxyDirs(tmp)) {
    for (const pid of masterAndWorkers(files.pidFile)) {
      try {
        process.kill(pid, 'SIGKILL');
        killed += 1;
      } catch {
        // already gone
      }
    }
  }
  return killed;
};
