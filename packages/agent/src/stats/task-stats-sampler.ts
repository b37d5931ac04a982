import type { TaskStatsSample } from '@berth/wire/agent';

import type { ContainerRuntime, ContainerStatsReading } from '../runtime/container-runtime.js';
import { cpuUnitsBetween, memoryMiB } from './cpu-units.js';
import type { RunningTask } from './running-tasks.js';

interface ContainerUse {
  readonly cpuUnits: number;
  readonly memoryMiB: number;
}

/**
 * Samples tasks through the runtime. CPU use is the difference between this sampler's own
 * consecutive readings of a container, so a task yields its first sample one interval after it is
 * first seen. A task is reported only when every one of its containers could be measured.
 */
export class TaskStatsSampler {
  /** Container id → its previous reading. */
  private previous = new Map<string, ContainerStatsReading>();

  constructor(
    private readonly runtime: Pick<ContainerRuntime, 'containerStats'>,
    private readonly now: () => number,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
  ) {}

  async sample(tasks: readonly RunningTask[]): Promise<TaskStatsSample[]> {
    const current = new Map<string, ContainerStatsReading>();
    const samples = await Promise.all(tasks.map((task) => this.sampleTask(task, current)));
    this.previous = current;
    return samples.flatMap((s) => (s ? [s] : []));
  }

  private async sampleTask(
    task: RunningTask,
    current: Map<string, ContainerStatsReading>,
  ): Promise<TaskStatsSample | undefined> {
    const uses = await Promise.all(task.containerIds.map((id) => this.measure(id, current)));
    const timestamp = this.now();
    if (uses.some((use) => use === undefined)) return undefined;
    const measured = uses as ContainerUse[];
    return {
      taskArn: task.taskArn,
      timestamp,
      cpuUnitsUsed: measured.reduce((total, use) => total + use.cpuUnits, 0),
      memoryMiBUsed: measured.reduce((total, use) => total + use.memoryMiB, 0),
    };
  }

  private async measure(
    containerId: string,
    current: Map<string, ContainerStatsReading>,
  ): Promise<ContainerUse | undefined> {
    let reading: ContainerStatsReading | undefined;
    try {
      reading = await this.runtime.containerStats(containerId);
    } catch (error) {
      this.log('could not read container stats', { containerId, error: String(error) });
      return undefined;
    }
    if (!reading) return undefined;
    current.set(containerId, reading);
    const earlier = this.previous.get(containerId);
    const cpuUnits = earlier ? cpuUnitsBetween(earlier, reading) : undefined;
    return cpuUnits === undefined ? undefined : { cpuUnits, memoryMiB: memoryMiB(reading) };
  }
}
