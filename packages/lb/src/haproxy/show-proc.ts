/**
 * Parses the master CLI's `show proc`: the master's pid, its reload and failed-reload counters,
 * and the workers (a worker forked by the last reload has a reload count of 0; older ones still
 * draining have more). Pure.
 */

export interface ProcWorker {
  readonly pid: number;
  /** Reloads since this worker was forked: 0 for the current one. */
  readonly reloads: number;
}

export interface ShowProc {
  readonly masterPid: number;
  readonly reloads: number;
  readonly failedReloads: number;
  readonly workers: readonly ProcWorker[];
}

export class ShowProcFormatError extends Error {
  constructor(reply: string) {
    super(`unexpected reply to 'show proc': ${reply.slice(0, 200)}`);
    this.name = 'ShowProcFormatError';
  }
}

export const parseShowProc = (reply: string): ShowProc => {
  let section: 'master' | 'workers' | 'other' = 'master';
  let master: Omit<ShowProc, 'workers'> | undefined;
  const workers: ProcWorker[] = [];
  for (const line of reply.split('\n')) {
    if (line.startsWith('# workers')) section = 'workers';
    else if (line.startsWith('#')) section = line.startsWith('#<PID>') ? section : 'other';
    else if (line.trim() !== '') {
      const match = /^(\d+)\s+(\S+)\s+(\d+)(?:\s+\[failed: (\d+)\])?/.exec(line);
      if (match === null) continue;
      const pid = Number(match[1]);
      const reloads = Number(match[3]);
      if (section === 'master' && match[2] === 'master') {
        master = { masterPid: pid, reloads, failedReloads: Number(match[4] ?? '0') };
      } else if (section === 'workers' && match[2] === 'worker') {
        workers.push({ pid, reloads });
      }
    }
  }
  if (master === undefined) throw new ShowProcFormatError(reply);
  return { ...master, workers };
};
