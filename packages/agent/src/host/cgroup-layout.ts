/**
 * Where this host's cgroup hierarchies are mounted, read from /proc/self/mountinfo. cgroup v1
 * (also "hybrid": v1 controllers plus an empty v2 mount) has one hierarchy per controller group;
 * cgroup v2 ("unified") has one. Only hierarchies mounted at their root count: in a cgroup
 * namespace the paths Docker is given would not match the ones seen here.
 */
import { readFile } from 'node:fs/promises';

export type CgroupLayout =
  | {
      readonly version: 1;
      readonly memory: string;
      /** May be co-mounted with cpuacct (`/sys/fs/cgroup/cpu,cpuacct`). */
      readonly cpu: string;
      /** Every cgroup mount: runc creates a container's cgroup parent in each of them. */
      readonly hierarchies: readonly string[];
    }
  | { readonly version: 2; readonly root: string };

interface CgroupMount {
  readonly root: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly superOptions: readonly string[];
}

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
const unescape = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** `id parent major:minor root mountPoint options [optional…] - fsType source superOptions`. */
const parseMount = (line: string): CgroupMount | undefined => {
  const [before, after] = line.split(' - ');
  const [, , , root, mountPoint] = before?.split(' ') ?? [];
  const [fsType, , superOptions] = after?.split(' ') ?? [];
  if (root === undefined || mountPoint === undefined || fsType === undefined) return undefined;
  if (fsType !== 'cgroup' && fsType !== 'cgroup2') return undefined;
  return {
    root: unescape(root),
    mountPoint: unescape(mountPoint),
    fsType,
    superOptions: (superOptions ?? '').split(','),
  };
};

export const cgroupLayoutFrom = (mountinfo: string): CgroupLayout | undefined => {
  const mounts = mountinfo.split('\n').flatMap((line) => parseMount(line) ?? []);
  const v1 = (controller: string): CgroupMount | undefined =>
    mounts.find((m) => m.fsType === 'cgroup' && m.superOptions.includes(controller));
  const memory = v1('memory');
  const cpu = v1('cpu');
  if (memory && cpu) {
    if (memory.root !== '/' || cpu.root !== '/') return undefined;
    const hierarchies = mounts.filter((m) => m.root === '/').map((m) => m.mountPoint);
    return {
      version: 1,
      memory: memory.mountPoint,
      cpu: cpu.mountPoint,
      hierarchies: [...new Set(hierarchies)],
    };
  }
  const unified = mounts.find((m) => m.fsType === 'cgroup2');
  return unified?.root === '/' ? { version: 2, root: unified.mountPoint } : undefined;
};

export const readCgroupLayout = async (): Promise<CgroupLayout | undefined> =>
  cgroupLayoutFrom(await readFile('/proc/self/mountinfo', 'utf8'));
