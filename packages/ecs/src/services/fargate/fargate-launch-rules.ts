/** What ECS refuses when a task is launched on FARGATE, beyond the task definition's own checks. Pure. */
import {
  clientException,
  invalidParameter,
  isValidFargateSize,
  parseCpuUnits,
  parseMemoryMiB,
} from '@berth/core';
import type { PlacementConstraint, PlacementStrategy, TaskDefinition, TaskOverride } from '@berth/wire/ecs';

import { checkEphemeralStorage } from '../task-definitions/task-level-rules.js';

export interface FargateLaunchAsk {
  readonly placementConstraints?: readonly PlacementConstraint[] | undefined;
  readonly placementStrategy?: readonly PlacementStrategy[] | undefined;
  readonly overrides?: TaskOverride | undefined;
}

export const validateFargateLaunch = (definition: TaskDefinition, ask: FargateLaunchAsk): void => {
  if (!(definition.compatibilities ?? []).includes('FARGATE')) {
    throw invalidParameter('Task definition does not support launch_type FARGATE.');
  }
  if ((ask.placementConstraints ?? []).length > 0) {
    throw invalidParameter('Placement constraints are not supported with FARGATE launch type.');
  }
  if ((ask.placementStrategy ?? []).length > 0) {
    // (impl) worded after ECS's message for constraints.
    throw invalidParameter('Placement strategies are not supported with FARGATE launch type.');
  }
  // (impl) the task definition's message, for the same bounds on an override.
  checkEphemeralStorage(ask.overrides ?? {});
  const cpu = ask.overrides?.cpu ?? definition.cpu;
  const memory = ask.overrides?.memory ?? definition.memory;
  const cpuUnits = cpu === undefined ? undefined : parseCpuUnits(cpu);
  const memoryMiB = memory === undefined ? undefined : parseMemoryMiB(memory);
  if (cpuUnits === undefined || memoryMiB === undefined || !isValidFargateSize(cpuUnits, memoryMiB)) {
    throw clientException('No Fargate configuration exists for given values.');
  }
};
