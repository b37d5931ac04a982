/**
 * Task-level rules that apply when FARGATE is among `requiresCompatibilities`: awsvpc only, a valid
 * task size, and no host namespaces. Container-level Fargate rules live with their subjects.
 */
import { clientException, isValidFargateSize } from '@berth/core';
import type { RegisterTaskDefinitionRequest } from '@berth/wire/ecs';

import type { TaskLevel } from './task-level-rules.js';

/** Windows on Fargate: at least 1 vCPU, and the 8 and 16 vCPU sizes are Linux only [G task-cpu-memory-error]. */
const WINDOWS_FARGATE_CPU = { min: 1024, max: 4096 } as const;

/** Whether a task size is a Fargate configuration for the operating system. */
export const isFargateSize = (cpu: number, memory: number, windows: boolean): boolean =>
  isValidFargateSize(cpu, memory) &&
  (!windows || (cpu >= WINDOWS_FARGATE_CPU.min && cpu <= WINDOWS_FARGATE_CPU.max));

export const validateFargate = (request: RegisterTaskDefinitionRequest, level: TaskLevel): void => {
  if (!level.fargate) return;
  // The quotes are U+2018/U+2019, as ECS sends them.
  if (level.networkMode !== 'awsvpc') {
    throw clientException('Fargate only supports network mode \u2018awsvpc\u2019.');
  }
  if (level.cpu === undefined)
    throw clientException("Fargate requires that 'cpu' be defined at the task level.");
  if (level.memory === undefined) {
    throw clientException("Fargate requires that 'memory' be defined at the task level.");
  }
  if (!isFargateSize(level.cpu, level.memory, level.windows)) {
    throw clientException('No Fargate configuration exists for given values.');
  }
  if (request.pidMode === 'host') {
    throw clientException(
      "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.",
    );
  }
  if (request.ipcMode !== undefined && request.ipcMode !== null) {
    throw clientException(`Tasks using the Fargate launch type do not support ipcMode '${request.ipcMode}'.`);
  }
};
