/**
 * RegisterDaemonTaskDefinition, minus storage. A daemon container definition is a subset of a
 * task definition's [M DaemonContainerDefinition ⊂ ContainerDefinition; DaemonVolume ⊂ Volume],
 * so the request is validated by the task definition rules (the same errors and messages), as an
 * EC2 task definition in Berth's daemon network mode. Returns the DaemonTaskDefinition as
 * DescribeDaemonTaskDefinition shows it and the TaskDefinition daemon tasks are launched from.
 *
 * (impl) Network mode: on ECS Managed Instances daemon tasks use `daemon_bridge`, a per-instance
 * bridge with a fixed address that application tasks reach. Berth's agents have no such network:
 * daemon tasks run in `host` mode, so applications reach them on the instance's own addresses.
 */
import { daemonTaskDefinitionArn, type Partition } from '@berth/core';
import type {
  ContainerDefinition,
  DaemonContainerDefinition,
  DaemonTaskDefinition,
  RegisterDaemonTaskDefinitionRequest,
  RegisterTaskDefinitionRequest,
  TaskDefinition,
  Volume,
} from '@berth/wire/ecs';

import { buildTaskDefinition } from '../task-definitions/index.js';

export const DAEMON_NETWORK_MODE = 'host';

/** DaemonContainerDefinition members in botocore's order, which is the order ECS returns them in. */
const DAEMON_CONTAINER_KEYS = [
  'name',
  'image',
  'memory',
  'memoryReservation',
  'repositoryCredentials',
  'healthCheck',
  'cpu',
  'essential',
  'entryPoint',
  'command',
  'workingDirectory',
  'environmentFiles',
  'environment',
  'secrets',
  'readonlyRootFilesystem',
  'mountPoints',
  'logConfiguration',
  'firelensConfiguration',
  'privileged',
  'user',
  'ulimits',
  'linuxParameters',
  'dependsOn',
  'startTimeout',
  'stopTimeout',
  'systemControls',
  'interactive',
  'pseudoTerminal',
  'restartPolicy',
] as const satisfies readonly (keyof DaemonContainerDefinition)[];

type Unlisted = Exclude<keyof DaemonContainerDefinition, (typeof DAEMON_CONTAINER_KEYS)[number]>;
const everyMemberListed: [Unlisted] extends [never] ? true : never = true;
void everyMemberListed;

const LINUX_KEYS = ['capabilities', 'devices', 'initProcessEnabled', 'tmpfs'] as const;

const pick = <K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, unknown>> => {
  const out: Partial<Record<K, unknown>> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined && member !== null) out[key] = member;
  }
  return out;
};

/** Only the daemon members of a container (a raw JSON body may carry others): not validated yet. */
const daemonContainer = (container: unknown): ContainerDefinition => {
  if (typeof container !== 'object' || container === null) return container as ContainerDefinition;
  const picked = pick(container, DAEMON_CONTAINER_KEYS);
  if (picked.linuxParameters !== undefined) picked.linuxParameters = pick(picked.linuxParameters, LINUX_KEYS);
  return picked as ContainerDefinition;
};

const daemonVolume = (volume: unknown): Volume =>
  typeof volume === 'object' && volume !== null
    ? (pick(volume, ['name', 'host'] as const) as Volume)
    : (volume as Volume);

/** The equivalent RegisterTaskDefinition request the task definition rules check. */
export const asTaskDefinitionRequest = (
  request: RegisterDaemonTaskDefinitionRequest,
): RegisterTaskDefinitionRequest => {
  const containers: unknown = request.containerDefinitions;
  const volumes: unknown = request.volumes;
  return {
    family: request.family,
    ...(request.taskRoleArn !== undefined ? { taskRoleArn: request.taskRoleArn } : {}),
    ...(request.executionRoleArn !== undefined ? { executionRoleArn: request.executionRoleArn } : {}),
    networkMode: DAEMON_NETWORK_MODE,
    containerDefinitions: Array.isArray(containers)
      ? containers.map(daemonContainer)
      : (containers as ContainerDefinition[]),
    ...(volumes !== undefined && volumes !== null
      ? { volumes: Array.isArray(volumes) ? volumes.map(daemonVolume) : (volumes as Volume[]) }
      : {}),
    ...(request.cpu !== undefined ? { cpu: request.cpu } : {}),
    ...(request.memory !== undefined ? { memory: request.memory } : {}),
    ...(request.tags !== undefined ? { tags: request.tags } : {}),
  };
};

export interface BuildDaemonTaskDefinitionContext {
  readonly partition: Partition;
  readonly revision: number;
  /** Epoch seconds. */
  readonly now: number;
  readonly registeredBy: string;
}

const toDaemonContainer = (container: ContainerDefinition): DaemonContainerDefinition => {
  const picked = pick(container, DAEMON_CONTAINER_KEYS);
  return picked as DaemonContainerDefinition;
};

export const buildDaemonTaskDefinition = (
  request: RegisterDaemonTaskDefinitionRequest,
  ctx: BuildDaemonTaskDefinitionContext,
): { daemonTaskDefinition: DaemonTaskDefinition; taskDefinition: TaskDefinition } => {
  const built = buildTaskDefinition(asTaskDefinitionRequest(request), ctx);
  const arn = daemonTaskDefinitionArn(ctx.partition, request.family, ctx.revision);
  const taskDefinition: TaskDefinition = { ...built, taskDefinitionArn: arn };
  const daemonTaskDefinition: DaemonTaskDefinition = {
    daemonTaskDefinitionArn: arn,
    family: request.family,
    revision: ctx.revision,
    ...(built.taskRoleArn !== undefined ? { taskRoleArn: built.taskRoleArn } : {}),
    ...(built.executionRoleArn !== undefined ? { executionRoleArn: built.executionRoleArn } : {}),
    containerDefinitions: (built.containerDefinitions ?? []).map(toDaemonContainer),
    volumes: (built.volumes ?? []).map((v) => ({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.host ? { host: v.host } : {}),
    })),
    ...(built.cpu !== undefined ? { cpu: built.cpu } : {}),
    ...(built.memory !== undefined ? { memory: built.memory } : {}),
    status: 'ACTIVE',
    registeredAt: ctx.now,
    registeredBy: ctx.registeredBy,
  };
  return { daemonTaskDefinition, taskDefinition };
};
