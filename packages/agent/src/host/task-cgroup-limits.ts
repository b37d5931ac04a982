/**
 * What a task cgroup holds (pure): its path, and the values its files get from the task-level
 * `cpu` (CPU units, 1024 = 1 vCPU) and `memory` (MiB) hard limits, as the ECS agent's task cgroup
 * resource sets them (`agent/taskresource/cgroup`).
 */
import type { DesiredTask } from '@berth/wire/agent';

import { MIN_CPU_SHARES } from '../engine/spec-resources.js';

export type TaskLimits = Pick<DesiredTask, 'cpu' | 'memory'>;

/** The controller whose hierarchy a file lives in (cgroup v1; v2 has one hierarchy). */
export type CgroupController = 'memory' | 'cpu';

/** One value to write into a file of the task cgroup. */
export interface CgroupWrite {
  readonly controller: CgroupController;
  readonly file: string;
  readonly value: string;
}

const MIB = 1024 * 1024;
const CPU_UNITS_PER_VCPU = 1024;
export const CFS_PERIOD_US = 100_000;
/** The kernel refuses CFS quotas below 1 ms. */
export const MIN_CFS_QUOTA_US = 1_000;

/** The parent directory of every task cgroup, relative to each hierarchy's root. */
export const BERTH_CGROUP = '/berth';

export const hasTaskLimits = (task: TaskLimits): boolean =>
  task.cpu !== undefined || task.memory !== undefined;

/** `/berth/<taskId>`: the cgroup parent of the task's containers; `_` for any character but [A-Za-z0-9_-]. */
export const taskCgroupPath = (taskArn: string): string =>
  `${BERTH_CGROUP}/${taskArn.slice(taskArn.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** CPU units → CFS quota per 100 ms period: 1024 units = one full CPU = 100 000 µs. */
export const cfsQuotaUs = (cpuUnits: number): number =>
  Math.max(MIN_CFS_QUOTA_US, Math.round((cpuUnits / CPU_UNITS_PER_VCPU) * CFS_PERIOD_US));

/** cgroup v2 weight for v1 shares, as runc converts them (2…262144 → 1…10000). */
export const cpuWeight = (shares: number): number => 1 + Math.floor(((shares - 2) * 9999) / 262142);

const cpuShares = (cpuUnits: number): number => Math.max(MIN_CPU_SHARES, cpuUnits);

export const cgroupV1Writes = (task: TaskLimits): CgroupWrite[] => [
  ...(task.memory === undefined
    ? []
    : [{ controller: 'memory', file: 'memory.limit_in_bytes', value: String(task.memory * MIB) } as const]),
  ...(task.cpu === undefined
    ? []
    : ([
        { controller: 'cpu', file: 'cpu.shares', value: String(cpuShares(task.cpu)) },
        { controller: 'cpu', file: 'cpu.cfs_period_us', value: String(CFS_PERIOD_US) },
        { controller: 'cpu', file: 'cpu.cfs_quota_us', value: String(cfsQuotaUs(task.cpu)) },
      ] as const)),
];

export const cgroupV2Writes = (task: TaskLimits): CgroupWrite[] => [
  ...(task.memory === undefined
    ? []
    : [{ controller: 'memory', file: 'memory.max', value: String(task.memory * MIB) } as const]),
  ...(task.cpu === undefined
    ? []
    : ([
        { controller: 'cpu', file: 'cpu.weight', value: String(cpuWeight(cpuShares(task.cpu))) },
        { controller: 'cpu', file: 'cpu.max', value: `${cfsQuotaUs(task.cpu)} ${CFS_PERIOD_US}` },
      ] as const)),
];

/** The `oom_kill N` counter of a cgroup v2 `memory.events` file. */
export const oomKillCount = (memoryEvents: string): number | undefined => {
  const match = /^oom_kill (\d+)$/m.exec(memoryEvents);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
