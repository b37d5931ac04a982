/**
 * Builds a new task record from a task definition, overrides and a placement: the task as
 * RunTask and StartTask return it. Pure: ids and time are arguments.
 */
import {
  applyOverrides,
  containerArn,
  parseCpuUnits,
  parseMemoryMiB,
  taskArn,
  taskReservation,
  type Partition,
} from '@berth/core';
import type {
  LaunchType,
  Container,
  NetworkConfiguration,
  Tag,
  Task,
  TaskDefinition,
  TaskOverride,
} from '@berth/wire/ecs';

import { clusterNameOf } from '../cluster-ref.js';
import { resolvedPlatformVersion } from '../fargate/launch-target.js';
import type { TaskRecord } from '../records.js';

import { eniAttachment } from './eni-attachment.js';
import { withLogDriverMode } from './log-driver-mode.js';

export interface NewTaskInput {
  readonly partition: Partition;
  readonly clusterArn: string;
  readonly definition: TaskDefinition;
  readonly overrides: TaskOverride;
  readonly launchType: LaunchType;
  readonly group: string;
  readonly startedBy?: string;
  readonly tags: readonly Tag[];
  readonly networkConfiguration?: NetworkConfiguration;
  /** EC2: the container instance; empty for FARGATE tasks. */
  readonly containerInstanceArn: string;
  /** FARGATE: the managed host running the task. */
  readonly hostArn?: string;
  readonly capacityProviderName?: string;
  /** FARGATE: the platform version asked for (LATEST unless given). */
  readonly platformVersion?: string;
  readonly availabilityZone?: string;
  readonly cpuArchitecture?: string;
  readonly enableExecuteCommand: boolean;
  /** The defaultLogDriverMode account setting in effect for whoever launches the task. */
  readonly logDriverMode?: string;
  readonly taskId: string;
  readonly newId: () => string;
  /** Epoch seconds. */
  readonly now: number;
}

export type NetworkMode = TaskRecord['networkMode'];

export const networkModeOf = (definition: TaskDefinition): NetworkMode => definition.networkMode ?? 'bridge';

/** The task-level cpu and memory in effect: overrides win over the task definition. */
export const taskLevelSize = (
  definition: TaskDefinition,
  overrides: TaskOverride,
): { cpu?: string; memory?: string } => {
  const cpu = overrides.cpu ?? definition.cpu;
  const memory = overrides.memory ?? definition.memory;
  return {
    ...(cpu !== undefined ? { cpu: String(parseCpuUnits(cpu) ?? cpu) } : {}),
    ...(memory !== undefined ? { memory: String(parseMemoryMiB(memory) ?? memory) } : {}),
  };
};

/** Fargate's default ephemeral storage [G fargate-task-storage]. */
export const DEFAULT_EPHEMERAL_STORAGE_GIB = 20;

const fargateFields = (input: NewTaskInput): Partial<Task> =>
  input.launchType === 'FARGATE'
    ? {
        platformVersion: resolvedPlatformVersion(input.platformVersion ?? 'LATEST'),
        platformFamily: 'Linux',
        ephemeralStorage: {
          sizeInGiB:
            input.overrides.ephemeralStorage?.sizeInGiB ??
            input.definition.ephemeralStorage?.sizeInGiB ??
            DEFAULT_EPHEMERAL_STORAGE_GIB,
        },
      }
    : {};

export const buildTask = (input: NewTaskInput): TaskRecord => {
  const { definition, overrides, partition } = input;
  const clusterName = clusterNameOf(input.clusterArn);
  const arn = taskArn(partition, clusterName, input.taskId);
  const networkMode = networkModeOf(definition);
  const containerDefinitions = withLogDriverMode(
    applyOverrides(definition.containerDefinitions ?? [], overrides),
    input.logDriverMode,
  );
  const size = taskLevelSize(definition, overrides);
  const attachment =
    networkMode === 'awsvpc' ? eniAttachment(input.newId(), input.networkConfiguration) : undefined;
  const containers: Container[] = containerDefinitions.map((def) => ({
    containerArn: containerArn(partition, clusterName, input.taskId, input.newId()),
    taskArn: arn,
    name: def.name ?? '',
    image: def.image ?? '',
    lastStatus: 'PENDING',
    networkBindings: [],
    networkInterfaces: [],
    healthStatus: 'UNKNOWN',
    cpu: String(def.cpu ?? 0),
    ...(def.memory !== undefined ? { memory: String(def.memory) } : {}),
    ...(def.memoryReservation !== undefined ? { memoryReservation: String(def.memoryReservation) } : {}),
  }));
  const task: Task = {
    taskArn: arn,
    clusterArn: input.clusterArn,
    taskDefinitionArn: definition.taskDefinitionArn ?? '',
    ...(input.containerInstanceArn ? { containerInstanceArn: input.containerInstanceArn } : {}),
    ...(input.capacityProviderName ? { capacityProviderName: input.capacityProviderName } : {}),
    overrides: {
      containerOverrides: (definition.containerDefinitions ?? []).map((c) => ({
        name: c.name ?? '',
        ...overrides.containerOverrides?.find((o) => o.name === c.name),
      })),
      inferenceAcceleratorOverrides: overrides.inferenceAcceleratorOverrides ?? [],
      ...(overrides.cpu !== undefined ? { cpu: overrides.cpu } : {}),
      ...(overrides.memory !== undefined ? { memory: overrides.memory } : {}),
      ...(overrides.taskRoleArn !== undefined ? { taskRoleArn: overrides.taskRoleArn } : {}),
      ...(overrides.executionRoleArn !== undefined ? { executionRoleArn: overrides.executionRoleArn } : {}),
      ...(overrides.ephemeralStorage !== undefined ? { ephemeralStorage: overrides.ephemeralStorage } : {}),
    },
    lastStatus: networkMode === 'awsvpc' ? 'PROVISIONING' : 'PENDING',
    desiredStatus: 'RUNNING',
    ...size,
    containers,
    ...(input.startedBy !== undefined ? { startedBy: input.startedBy } : {}),
    version: 1,
    createdAt: input.now,
    group: input.group,
    launchType: input.launchType,
    ...fargateFields(input),
    ...(input.availabilityZone ? { availabilityZone: input.availabilityZone } : {}),
    attachments: attachment ? [attachment] : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: input.cpuArchitecture ?? 'x86_64' }],
    tags: [...input.tags],
    enableExecuteCommand: input.enableExecuteCommand,
    healthStatus: 'UNKNOWN',
  };
  return {
    clusterArn: input.clusterArn,
    task,
    containerDefinitions,
    reservation: taskReservation({
      networkMode,
      cpu: size.cpu !== undefined ? Number(size.cpu) : undefined,
      memory: size.memory !== undefined ? Number(size.memory) : undefined,
      containers: containerDefinitions,
    }),
    networkMode,
    family: definition.family ?? '',
    revision: definition.revision ?? 0,
    taskDefinition: definition,
    ...(input.hostArn ? { hostArn: input.hostArn } : {}),
  };
};
