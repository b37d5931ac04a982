import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CFS_PERIOD_US,
  cfsQuotaUs,
  cgroupV1Writes,
  cgroupV2Writes,
  cpuWeight,
  hasTaskLimits,
  MIN_CFS_QUOTA_US,
  oomKillCount,
  taskCgroupPath,
} from './task-cgroup-limits.js';

describe('task cgroup limits', () => {
  it('names the cgroup after the task id, keeping only safe characters', () => {
    expect(taskCgroupPath('arn:aws:ecs:us-east-1:000000000000:task/c/0123abcd')).toBe('/berth/0123abcd');
    expect(taskCgroupPath('arn:aws:ecs:us-east-1:000000000000:task/c/..')).toBe('/berth/__');
  });

  it('limits only tasks that set task-level cpu or memory', () => {
    expect(hasTaskLimits({})).toBe(false);
    expect(hasTaskLimits({ cpu: 256 })).toBe(true);
    expect(hasTaskLimits({ memory: 512 })).toBe(true);
  });

  it('turns CPU units into a CFS quota per 100 ms: 1024 units = one CPU', () => {
    expect(cfsQuotaUs(256)).toBe(25_000);
    expect(cfsQuotaUs(1024)).toBe(CFS_PERIOD_US);
    expect(cfsQuotaUs(4096)).toBe(4 * CFS_PERIOD_US);
    expect(cfsQuotaUs(1)).toBe(MIN_CFS_QUOTA_US);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1024 * 192 }), fc.integer({ min: 1, max: 1024 }), (cpu, more) => {
        expect(cfsQuotaUs(cpu)).toBeGreaterThanOrEqual(MIN_CFS_QUOTA_US);
        expect(cfsQuotaUs(cpu + more)).toBeGreaterThanOrEqual(cfsQuotaUs(cpu));
      }),
    );
  });

  it('converts shares to cgroup v2 weights as runc does', () => {
    expect(cpuWeight(2)).toBe(1);
    expect(cpuWeight(1024)).toBe(39);
    expect(cpuWeight(262_144)).toBe(10_000);
  });

  it('writes the v1 memory and cpu files', () => {
    expect(cgroupV1Writes({ cpu: 256, memory: 64 })).toEqual([
      { controller: 'memory', file: 'memory.limit_in_bytes', value: String(64 * 1024 * 1024) },
      { controller: 'cpu', file: 'cpu.shares', value: '256' },
      { controller: 'cpu', file: 'cpu.cfs_period_us', value: '100000' },
      { controller: 'cpu', file: 'cpu.cfs_quota_us', value: '25000' },
    ]);
    expect(cgroupV1Writes({ memory: 64 }).map((w) => w.file)).toEqual(['memory.limit_in_bytes']);
  });

  it('writes the v2 memory.max, cpu.weight and cpu.max files', () => {
    expect(cgroupV2Writes({ cpu: 2048, memory: 1 })).toEqual([
      { controller: 'memory', file: 'memory.max', value: '1048576' },
      { controller: 'cpu', file: 'cpu.weight', value: '79' },
      { controller: 'cpu', file: 'cpu.max', value: '200000 100000' },
    ]);
    expect(cgroupV2Writes({ cpu: 512 }).map((w) => w.file)).toEqual(['cpu.weight', 'cpu.max']);
  });

  it('reads the oom_kill counter of memory.events', () => {
    const events = 'low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n';
    expect(oomKillCount(events)).toBe(2);
    expect(oomKillCount('low 0\n')).toBeUndefined();
  });
});
