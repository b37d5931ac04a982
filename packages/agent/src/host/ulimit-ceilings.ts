/**
 * The most a container's ulimits can be on this host. Containers inherit their hard limits from the
 * container runtime (containerd, whose shims start runc); raising one above that needs
 * CAP_SYS_RESOURCE. So the ceiling of each limit is containerd's hard limit (dockerd's on engines
 * without a separate containerd) — unless the runtime holds CAP_SYS_RESOURCE, when only the kernel's
 * `fs.nr_open` bounds `nofile`. Read from /proc; empty when the runtime's process cannot be seen
 * (a remote Docker, or no permission), and then ulimits are passed as given.
 */
import { readdirSync, readFileSync } from 'node:fs';

import type { UlimitCeilings } from '../engine/ulimit-grants.js';

/** /proc/<pid>/limits row titles → ECS ulimit names. */
const ROWS: Readonly<Record<string, string>> = {
  'Max cpu time': 'cpu',
  'Max file size': 'fsize',
  'Max data size': 'data',
  'Max stack size': 'stack',
  'Max core file size': 'core',
  'Max resident set': 'rss',
  'Max processes': 'nproc',
  'Max open files': 'nofile',
  'Max locked memory': 'memlock',
  'Max file locks': 'locks',
  'Max pending signals': 'sigpending',
  'Max msgqueue size': 'msgqueue',
  'Max nice priority': 'nice',
  'Max realtime priority': 'rtprio',
  'Max realtime timeout': 'rttime',
};

const CAP_SYS_RESOURCE = 24n;

/** Hard limits from the text of /proc/<pid>/limits (unlimited ones left out). Pure. */
export const parseHardLimits = (text: string): Map<string, number> => {
  const limits = new Map<string, number>();
  for (const line of text.split('\n')) {
    const title = Object.keys(ROWS).find((t) => line.startsWith(t));
    if (title === undefined) continue;
    const [, hard] = line.slice(title.length).trim().split(/\s+/);
    if (hard !== undefined && /^\d+$/.test(hard)) limits.set(ROWS[title] ?? '', Number(hard));
  }
  return limits;
};

/** Whether CapEff in the text of /proc/<pid>/status holds CAP_SYS_RESOURCE. Pure. */
export const hasSysResource = (status: string): boolean => {
  const hex = /^CapEff:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  return hex !== undefined && ((BigInt(`0x${hex}`) >> CAP_SYS_RESOURCE) & 1n) === 1n;
};

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const runtimePid = (): string | undefined => {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const named = (comm: string): string | undefined =>
    pids.find((pid) => read(`/proc/${pid}/comm`)?.trim() === comm);
  return named('containerd') ?? named('dockerd');
};

export const readUlimitCeilings = (): UlimitCeilings => {
  try {
    const pid = runtimePid();
    const limits = pid === undefined ? undefined : read(`/proc/${pid}/limits`);
    const status = pid === undefined ? undefined : read(`/proc/${pid}/status`);
    if (limits === undefined || status === undefined) return new Map();
    if (!hasSysResource(status)) return parseHardLimits(limits);
    const nrOpen = Number(read('/proc/sys/fs/nr_open')?.trim());
    return Number.isInteger(nrOpen) && nrOpen > 0 ? new Map([['nofile', nrOpen]]) : new Map();
  } catch {
    return new Map();
  }
};
