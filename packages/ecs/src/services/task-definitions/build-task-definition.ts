/**
 * RegisterTaskDefinition, minus storage: validates the whole request as ECS does and returns the
 * TaskDefinition exactly as RegisterTaskDefinition and DescribeTaskDefinition return it. Tags are
 * validated but not part of the result (ECS returns them beside it).
 *
 * Validation order (ECS publishes none): task level (family, containers list, network mode,
 * compatibilities, task size, namespaces, ephemeral storage) → Fargate → each container →
 * volumes → across containers → placement constraints → tags. The first failure is thrown.
 */
import { taskDefinitionArn, type Partition } from '@berth/core';
import type { RegisterTaskDefinitionRequest, TaskDefinition, Volume } from '@berth/wire/ecs';

import { validateTags } from '../tags.js';

import { compatibilitiesOf } from './compatibilities.js';
import { validateContainer } from './container-rules.js';
import { validateAcrossContainers } from './cross-container-rules.js';
import { validateFargate } from './fargate-rules.js';
import { normalizeContainer } from './normalize-container.js';
import { validatePlacementConstraints } from './placement-constraint-rules.js';
import { requiresAttributes } from './requires-attributes.js';
import { validateTaskLevel, type TaskLevel } from './task-level-rules.js';
import { validateVolumes } from './volume-rules.js';

export interface BuildTaskDefinitionContext {
  readonly partition: Partition;
  readonly revision: number;
  /** Registration time, epoch seconds. */
  readonly now: number;
  /** The caller's principal ARN, e.g. `arn:aws:iam::123456789012:root`. */
  readonly registeredBy: string;
}

/** TaskDefinition members in botocore's order, which is the order ECS returns them in. */
const TASK_DEFINITION_KEYS = [
  'taskDefinitionArn',
  'containerDefinitions',
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'revision',
  'volumes',
  'status',
  'requiresAttributes',
  'placementConstraints',
  'compatibilities',
  'runtimePlatform',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'inferenceAccelerators',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'registeredAt',
  'deregisteredAt',
  'deleteRequestedAt',
  'registeredBy',
  'ephemeralStorage',
  'enableFaultInjection',
] as const satisfies readonly (keyof TaskDefinition)[];

type Unlisted = Exclude<keyof TaskDefinition, (typeof TASK_DEFINITION_KEYS)[number]>;
const everyMemberListed: [Unlisted] extends [never] ? true : never = true;
void everyMemberListed;

const ordered = (td: TaskDefinition): TaskDefinition => {
  const out: Record<string, unknown> = {};
  for (const key of TASK_DEFINITION_KEYS) {
    const value: unknown = td[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
};

/** Volumes as returned: an EFS volume without a root directory gets `/`. */
const normalizeVolume = (volume: Volume): Volume => {
  const copy = structuredClone(volume);
  if (copy.efsVolumeConfiguration && copy.efsVolumeConfiguration.rootDirectory === undefined) {
    copy.efsVolumeConfiguration.rootDirectory = '/';
  }
  return copy;
};

/** Optional members that may be explicitly undefined (dropped by `ordered`). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

const clone = <T>(value: T | undefined): T | undefined =>
  value === undefined || value === null ? undefined : structuredClone(value);

const assemble = (
  request: RegisterTaskDefinitionRequest,
  level: TaskLevel,
  ctx: BuildTaskDefinitionContext,
): TaskDefinition => {
  const td: TaskDefinition = {
    taskDefinitionArn: taskDefinitionArn(ctx.partition, request.family, ctx.revision),
    containerDefinitions: request.containerDefinitions.map((c) => normalizeContainer(c, level.networkMode)),
    family: request.family,
    revision: ctx.revision,
    volumes: (request.volumes ?? []).map(normalizeVolume),
    status: 'ACTIVE',
    placementConstraints: clone(request.placementConstraints) ?? [],
    registeredAt: ctx.now,
    registeredBy: ctx.registeredBy,
  };
  const optional: Loose<TaskDefinition> = {
    taskRoleArn: request.taskRoleArn,
    executionRoleArn: request.executionRoleArn,
    networkMode: request.networkMode,
    runtimePlatform: clone(request.runtimePlatform),
    requiresCompatibilities: clone(request.requiresCompatibilities),
    cpu: level.cpu === undefined ? undefined : String(level.cpu),
    memory: level.memory === undefined ? undefined : String(level.memory),
    inferenceAccelerators: clone(request.inferenceAccelerators),
    pidMode: request.pidMode,
    ipcMode: request.ipcMode,
    proxyConfiguration: clone(request.proxyConfiguration),
    ephemeralStorage: clone(request.ephemeralStorage),
    enableFaultInjection: request.enableFaultInjection,
  };
  const full = ordered({ ...td, ...optional } as TaskDefinition);
  return ordered({
    ...full,
    requiresAttributes: requiresAttributes(full),
    compatibilities: compatibilitiesOf(full),
  });
};

export const buildTaskDefinition = (
  request: RegisterTaskDefinitionRequest,
  ctx: BuildTaskDefinitionContext,
): TaskDefinition => {
  const level = validateTaskLevel(request);
  validateFargate(request, level);
  request.containerDefinitions.forEach((_, index) => validateContainer(request, index, level));
  validateVolumes(request, level);
  validateAcrossContainers(request, level);
  validatePlacementConstraints(request);
  validateTags(request.tags);
  return assemble(request, level, ctx);
};
