import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import type { CgroupLayout } from './cgroup-layout.js';
import { TaskCgroups } from './task-cgroups.js';

describe('TaskCgroups (on a directory standing in for /sys/fs/cgroup)', () => {
  let root: string;
  const logs: string[] = [];
  let driverCalls = 0;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'berth-cgroups-'));
    logs.length = 0;
    driverCalls = 0;
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const cgroups = (layout: CgroupLayout, driver: () => Promise<string> = () => Promise.resolve('cgroupfs')) =>
    new TaskCgroups({
      cgroupDriver: () => {
        driverCalls += 1;
        return driver();
      },
      layout: () => Promise.resolve(layout),
      log: (message, fields) => logs.push(`${message} ${JSON.stringify(fields ?? {})}`),
    });

  const v1 = (): CgroupLayout => ({
    version: 1,
    memory: join(root, 'memory'),
    cpu: join(root, 'cpu,cpuacct'),
    hierarchies: [join(root, 'memory'), join(root, 'cpu,cpuacct'), join(root, 'pids')],
  });
  const read = (...path: string[]): Promise<string> => readFile(join(root, ...path), 'utf8');

  it('creates a v1 task cgroup with the limits and names it as the cgroup parent', async () => {
    const task = aTask([], { cpu: 256, memory: 64 });
    const id = task.taskArn.split('/').pop() ?? '';
    expect(await cgroups(v1()).ensure(task)).toBe(`/berth/${id}`);
    expect(await read('memory', 'berth', id, 'memory.limit_in_bytes')).toBe(String(64 * 1024 * 1024));
    expect(await read('cpu,cpuacct', 'berth', id, 'cpu.cfs_quota_us')).toBe('25000');
    expect(await read('cpu,cpuacct', 'berth', id, 'cpu.cfs_period_us')).toBe('100000');
    expect(await read('cpu,cpuacct', 'berth', id, 'cpu.shares')).toBe('256');
  });

  it('leaves tasks without task-level limits alone, without asking the runtime', async () => {
    const tasks = cgroups(v1());
    expect(await tasks.ensure(aTask([]))).toBeUndefined();
    await tasks.remove(aTask([]));
    expect(driverCalls).toBe(0);
    expect(existsSync(join(root, 'memory'))).toBe(false);
  });

  it('is off under the systemd cgroup driver, logged once', async () => {
    const tasks = cgroups(v1(), () => Promise.resolve('systemd'));
    expect(await tasks.ensure(aTask([], { memory: 64 }))).toBeUndefined();
    expect(await tasks.ensure(aTask([], { cpu: 512 }))).toBeUndefined();
    expect(driverCalls).toBe(1);
    expect(logs).toEqual([expect.stringMatching(/^task cgroups off: the Docker cgroup driver is systemd/)]);
    expect(existsSync(join(root, 'memory'))).toBe(false);
  });

  it('asks the runtime again after a failed detection', async () => {
    let calls = 0;
    const tasks = cgroups(v1(), () =>
      ++calls === 1 ? Promise.reject(new Error('daemon down')) : Promise.resolve('cgroupfs'),
    );
    const task = aTask([], { memory: 64 });
    await expect(tasks.ensure(task)).rejects.toThrow('daemon down');
    expect(await tasks.ensure(task)).toMatch(/^\/berth\//);
  });

  it('removes the task cgroup from every hierarchy; a missing one is fine, a busy one is logged', async () => {
    const task = aTask([], { memory: 64 });
    const id = task.taskArn.split('/').pop() ?? '';
    await mkdir(join(root, 'memory', 'berth', id), { recursive: true });
    await mkdir(join(root, 'cpu,cpuacct', 'berth', id, 'container'), { recursive: true });
    await cgroups(v1()).remove(task);
    expect(existsSync(join(root, 'memory', 'berth', id))).toBe(false);
    expect(logs).toEqual([expect.stringContaining('could not remove task cgroup')]);
    expect(logs[0]).toContain(join(root, 'cpu,cpuacct', 'berth', id));
  });

  it('on v2: delegates cpu and memory, writes memory.max and cpu.max, and reads the OOM-kill counter', async () => {
    const task = aTask([], { cpu: 512, memory: 128 });
    const id = task.taskArn.split('/').pop() ?? '';
    const tasks = cgroups({ version: 2, root });
    expect(await tasks.ensure(task)).toBe(`/berth/${id}`);
    expect(await read('cgroup.subtree_control')).toBe('+cpu +memory');
    expect(await read('berth', 'cgroup.subtree_control')).toBe('+cpu +memory');
    expect(await read('berth', id, 'memory.max')).toBe(String(128 * 1024 * 1024));
    expect(await read('berth', id, 'cpu.max')).toBe('50000 100000');
    expect(await tasks.oomKills(task)).toBeUndefined();
    await writeFile(join(root, 'berth', id, 'memory.events'), 'oom 1\noom_kill 1\n');
    expect(await tasks.oomKills(task)).toBe(1);
  });

  it('reads no OOM-kill counter on v1, where the kernel keeps it in the victim container cgroup only', async () => {
    const task = aTask([], { memory: 64 });
    const tasks = cgroups(v1());
    await tasks.ensure(task);
    expect(await tasks.oomKills(task)).toBeUndefined();
  });
});
