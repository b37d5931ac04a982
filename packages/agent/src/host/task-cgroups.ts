/**
 * Task cgroups (the ECS agent's `agent/taskresource/cgroup`): a task that sets task-level `cpu`
 * or `memory` gets a cgroup `/berth/<taskId>` holding those hard limits, and every container of
 * the task is created inside it (Docker's CgroupParent), so the task as a whole cannot exceed
 * them. Created before the task's containers (again after an agent restart: mkdir -p semantics),
 * removed after them.
 *
 * Off — logged once — unless Docker uses the cgroupfs driver (with systemd, a cgroup parent must
 * be a slice), the memory and cpu hierarchies are mounted at their root, and the agent can write
 * them. Per-container limits apply either way.
 */
import { appendFile, mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { DesiredTask } from '@berth/wire/agent';

import { readCgroupLayout, type CgroupLayout } from './cgroup-layout.js';
import {
  BERTH_CGROUP,
  cgroupV1Writes,
  cgroupV2Writes,
  hasTaskLimits,
  oomKillCount,
  taskCgroupPath,
  type CgroupWrite,
} from './task-cgroup-limits.js';

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface TaskCgroupsOptions {
  /** The container runtime's cgroup driver (`docker info`); task cgroups need `cgroupfs`. */
  readonly cgroupDriver: () => Promise<string>;
  /** The host's cgroup mounts; default: /proc/self/mountinfo. Tests point it at a directory. */
  readonly layout?: () => Promise<CgroupLayout | undefined>;
  readonly log: Log;
}

const V2_CONTROLLERS = '+cpu +memory';

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** The directories a task cgroup is made of: one per hierarchy. */
const hierarchies = (layout: CgroupLayout): readonly string[] =>
  layout.version === 1 ? layout.hierarchies : [layout.root];

const fileOf = (layout: CgroupLayout, cgroup: string, write: CgroupWrite): string =>
  join(layout.version === 1 ? layout[write.controller] : layout.root, cgroup, write.file);

/** Once per host: `/berth` exists in the hierarchies limits are written to (v2: with cpu and memory delegated). */
const prepareBerthCgroup = async (layout: CgroupLayout): Promise<void> => {
  if (layout.version === 1) {
    await mkdir(join(layout.memory, BERTH_CGROUP), { recursive: true });
    await mkdir(join(layout.cpu, BERTH_CGROUP), { recursive: true });
    return;
  }
  await appendFile(join(layout.root, 'cgroup.subtree_control'), V2_CONTROLLERS);
  await mkdir(join(layout.root, BERTH_CGROUP), { recursive: true });
  await appendFile(join(layout.root, BERTH_CGROUP, 'cgroup.subtree_control'), V2_CONTROLLERS);
};

export class TaskCgroups {
  private layout: Promise<CgroupLayout | undefined> | undefined;

  constructor(private readonly options: TaskCgroupsOptions) {}

  /**
   * Creates (or re-creates) the task's cgroup with its limits. Returns the cgroup parent for the
   * task's containers; undefined when the task sets no task-level limit or task cgroups are off.
   */
  async ensure(task: DesiredTask): Promise<string | undefined> {
    const layout = hasTaskLimits(task) ? await this.resolveLayout() : undefined;
    if (!layout) return undefined;
    const cgroup = taskCgroupPath(task.taskArn);
    const writes = layout.version === 1 ? cgroupV1Writes(task) : cgroupV2Writes(task);
    const controllers = layout.version === 1 ? [layout.memory, layout.cpu] : [layout.root];
    for (const dir of controllers) await mkdir(join(dir, cgroup), { recursive: true });
    for (const write of writes) await writeFile(fileOf(layout, cgroup, write), write.value);
    return cgroup;
  }

  /** Removes the task's cgroup once its containers are gone; never throws. */
  async remove(task: DesiredTask): Promise<void> {
    if (!hasTaskLimits(task)) return;
    const layout = await this.resolveLayout().catch(() => undefined);
    if (!layout) return;
    for (const hierarchy of hierarchies(layout)) {
      const dir = join(hierarchy, taskCgroupPath(task.taskArn));
      try {
        await rmdir(dir);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT')
          this.options.log('could not remove task cgroup', { dir, error: String(error) });
      }
    }
  }

  /**
   * How many processes the kernel OOM-killed in the task's cgroup (v2 `memory.events`, which
   * counts kills in descendant cgroups too). Undefined without a task cgroup, and on cgroup v1:
   * v1 counts a kill only in the victim's own (container) cgroup, so the task cgroup's counter
   * stays 0. There Docker's OOMKilled flag covers task-wide kills, because the kernel signals
   * the OOM event of every cgroup below the one that ran out of memory (so the victim's siblings
   * get the flag too).
   */
  async oomKills(task: DesiredTask): Promise<number | undefined> {
    const layout = hasTaskLimits(task) ? await this.resolveLayout().catch(() => undefined) : undefined;
    if (layout?.version !== 2) return undefined;
    try {
      return oomKillCount(
        await readFile(join(layout.root, taskCgroupPath(task.taskArn), 'memory.events'), 'utf8'),
      );
    } catch {
      return undefined;
    }
  }

  /** Detected once; a failure to ask the runtime is retried on the next use. */
  private async resolveLayout(): Promise<CgroupLayout | undefined> {
    this.layout ??= this.detect();
    try {
      return await this.layout;
    } catch (error) {
      this.layout = undefined;
      throw error;
    }
  }

  private async detect(): Promise<CgroupLayout | undefined> {
    const driver = await this.options.cgroupDriver();
    if (driver !== 'cgroupfs') return this.off(`the Docker cgroup driver is ${driver}, not cgroupfs`);
    const layout = await (this.options.layout ?? readCgroupLayout)();
    if (!layout) return this.off('no cgroup v1 memory and cpu, or cgroup v2, hierarchy mounted at its root');
    try {
      await prepareBerthCgroup(layout);
    } catch (error) {
      return this.off(`cannot create ${BERTH_CGROUP}: ${String(error)}`);
    }
    return layout;
  }

  private off(why: string): undefined {
    this.options.log(`task cgroups off: ${why}; task-level cpu and memory are enforced per container only`);
    return undefined;
  }
}
