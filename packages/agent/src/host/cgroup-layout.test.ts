import { describe, expect, it } from 'vitest';

import { cgroupLayoutFrom } from './cgroup-layout.js';

const mount = (id: number, root: string, mountPoint: string, fsType: string, superOptions: string): string =>
  `${id} 23 0:${id} ${root} ${mountPoint} rw,nosuid,nodev,noexec,relatime shared:${id} - ${fsType} ${fsType} ${superOptions}`;

const OTHER = [
  '23 1 253:1 / / rw,relatime shared:1 - ext4 /dev/vda rw',
  '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
];

describe('cgroupLayoutFrom', () => {
  it('finds the v1 memory and cpu hierarchies (cpu co-mounted with cpuacct) and every hierarchy', () => {
    const layout = cgroupLayoutFrom(
      [
        ...OTHER,
        mount(32, '/', '/sys/fs/cgroup/cpu,cpuacct', 'cgroup', 'rw,cpu,cpuacct'),
        mount(33, '/', '/sys/fs/cgroup/cpuset', 'cgroup', 'rw,cpuset'),
        mount(34, '/', '/sys/fs/cgroup/memory', 'cgroup', 'rw,memory'),
        mount(35, '/', '/sys/fs/cgroup/unified', 'cgroup2', 'rw'),
      ].join('\n'),
    );
    expect(layout).toEqual({
      version: 1,
      memory: '/sys/fs/cgroup/memory',
      cpu: '/sys/fs/cgroup/cpu,cpuacct',
      hierarchies: [
        '/sys/fs/cgroup/cpu,cpuacct',
        '/sys/fs/cgroup/cpuset',
        '/sys/fs/cgroup/memory',
        '/sys/fs/cgroup/unified',
      ],
    });
  });

  it('finds a unified (v2) hierarchy, unescaping its mount point', () => {
    expect(
      cgroupLayoutFrom([...OTHER, mount(40, '/', '/sys/fs/my\\040cgroup', 'cgroup2', 'rw')].join('\n')),
    ).toEqual({ version: 2, root: '/sys/fs/my cgroup' });
  });

  it('finds nothing without cgroup mounts, or when they are not mounted at their root (cgroup namespace)', () => {
    expect(cgroupLayoutFrom(OTHER.join('\n'))).toBeUndefined();
    expect(cgroupLayoutFrom(mount(40, '/docker/abc', '/sys/fs/cgroup', 'cgroup2', 'rw'))).toBeUndefined();
    expect(
      cgroupLayoutFrom(
        [
          mount(32, '/docker/abc', '/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu'),
          mount(34, '/docker/abc', '/sys/fs/cgroup/memory', 'cgroup', 'rw,memory'),
        ].join('\n'),
      ),
    ).toBeUndefined();
  });
});
