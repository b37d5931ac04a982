/**
 * SubmitTaskStats: an agent's samples of its RUNNING tasks, kept in memory for the metrics
 * controller. Samples of tasks the agent does not run, of another partition, or not finite
 * numbers are ignored: stats are best effort and never fail the agent's call.
 */
import { partitionKey, partitionOfArn, type Partition } from '@berth/core';
import type { SubmitTaskStatsRequest, TaskStatsSample } from '@berth/wire/agent';

import { KIND, placedOn, type TaskRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';
import { MAX_MINUTES_BEHIND, MINUTE_MS } from './metric-minutes.js';
import type { TaskSampleBuffer } from './task-sample-buffer.js';

const isUsable = (s: TaskStatsSample): boolean =>
  typeof s.taskArn === 'string' &&
  [s.timestamp, s.cpuUnitsUsed, s.memoryMiBUsed].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  s.cpuUnitsUsed >= 0 &&
  s.memoryMiBUsed >= 0;

export class TaskStatsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly buffer: TaskSampleBuffer,
  ) {}

  submit(partition: Partition, request: SubmitTaskStatsRequest): Record<string, never> {
    const oldest = this.deps.now() - (MAX_MINUTES_BEHIND + 1) * MINUTE_MS;
    const samples: readonly TaskStatsSample[] = Array.isArray(request.samples) ? request.samples : [];
    for (const sample of samples) {
      if (!isUsable(sample) || sample.timestamp < oldest) continue;
      if (partitionKey(partitionOfArn(sample.taskArn)) !== partitionKey(partition)) continue;
      const record = this.deps.store.get<TaskRecord>(KIND.task, sample.taskArn);
      if (!record || placedOn(record) !== request.containerInstanceArn) continue;
      this.buffer.add({
        taskArn: sample.taskArn,
        timestamp: sample.timestamp,
        cpuUnitsUsed: sample.cpuUnitsUsed,
        memoryMiBUsed: sample.memoryMiBUsed,
      });
    }
    this.buffer.forgetBefore(oldest);
    return {};
  }
}
