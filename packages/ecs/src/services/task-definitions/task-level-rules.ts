/**
 * Task-level RegisterTaskDefinition checks: family, the container list, network mode, launch
 * compatibilities, task size, namespaces and ephemeral storage. Returns what later checks need.
 */
import { clientException, parseCpuUnits, parseMemoryMiB } from '@berth/core';
import type { Compatibility, NetworkMode, RegisterTaskDefinitionRequest } from '@berth/wire/ecs';

import { checkEnum, isInt, NAME_PATTERN } from './validation-helpers.js';

export interface TaskLevel {
  /** The effective network mode: `bridge` when the request names none (EC2 Linux default). */
  readonly networkMode: NetworkMode;
  /** Task-level CPU units and memory MiB, when the request sets them. */
  readonly cpu?: number;
  readonly memory?: number;
  /** FARGATE is among `requiresCompatibilities`. */
  readonly fargate: boolean;
  readonly windows: boolean;
}

export const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];
const COMPATIBILITIES: readonly Compatibility[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
const OS_FAMILIES = [
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_20H2_CORE',
  'LINUX',
] as const;
/** At most 10 containers per task definition (ECS quota). */
export const MAX_CONTAINERS = 10;
/** Task CPU for EC2 and external instances: 128 (0.125 vCPU) to 196608 (192 vCPU) units [M]. */
const EC2_TASK_CPU = { min: 128, max: 196_608 } as const;

const checkFamily = (family: unknown): void => {
  if (family === undefined || family === null || family === '')
    throw clientException('Family can not be blank.');
  if (typeof family !== 'string' || !NAME_PATTERN.test(family)) {
    throw clientException('Family contains invalid characters.');
  }
};

const checkContainerList = (containers: unknown): void => {
  if (!Array.isArray(containers) || containers.length === 0) {
    throw clientException('Container list cannot be empty.');
  }
  if (containers.length > MAX_CONTAINERS) throw clientException('Too many containers.');
};

const taskSize = (
  text: unknown,
  field: 'cpu' | 'memory',
  parse: (t: string) => number | undefined,
): number | undefined => {
  if (text === undefined || text === null) return undefined;
  const value = typeof text === 'string' ? parse(text) : undefined;
  if (value === undefined || value <= 0) throw clientException(`Invalid '${field}' setting for task.`);
  return value;
};

/** Fargate ephemeral storage: 21–200 GiB when set (20 GiB is the default) [G fargate-task-storage]. */
export const checkEphemeralStorage = (request: { readonly ephemeralStorage?: unknown }): void => {
  const storage: unknown = request.ephemeralStorage;
  if (storage === undefined || storage === null) return;
  const size = (storage as { sizeInGiB?: unknown }).sizeInGiB;
  if (!isInt(size) || size < 21 || size > 200) {
    throw clientException("Invalid 'ephemeralStorage.sizeInGiB' setting for task.");
  }
};

export const validateTaskLevel = (request: RegisterTaskDefinitionRequest): TaskLevel => {
  checkFamily(request.family);
  checkContainerList(request.containerDefinitions);
  const networkMode = checkEnum('networkMode', request.networkMode, NETWORK_MODES) ?? 'bridge';
  const compatibilities: unknown = request.requiresCompatibilities ?? [];
  if (!Array.isArray(compatibilities)) throw clientException('requiresCompatibilities must be a list.');
  compatibilities.forEach((c, i) => checkEnum(`requiresCompatibilities.${i + 1}.member`, c, COMPATIBILITIES));
  const fargate = compatibilities.includes('FARGATE');
  const cpu = taskSize(request.cpu, 'cpu', parseCpuUnits);
  const memory = taskSize(request.memory, 'memory', parseMemoryMiB);
  if (cpu !== undefined && !fargate && (cpu < EC2_TASK_CPU.min || cpu > EC2_TASK_CPU.max)) {
    throw clientException("Invalid 'cpu' setting for task.");
  }
  checkEnum('pidMode', request.pidMode, ['host', 'task']);
  checkEnum('ipcMode', request.ipcMode, ['host', 'task', 'none']);
  checkEnum('runtimePlatform.cpuArchitecture', request.runtimePlatform?.cpuArchitecture, ['X86_64', 'ARM64']);
  const os = checkEnum(
    'runtimePlatform.operatingSystemFamily',
    request.runtimePlatform?.operatingSystemFamily,
    OS_FAMILIES,
  );
  checkEphemeralStorage(request);
  return {
    networkMode,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
    fargate,
    windows: os !== undefined && os.startsWith('WINDOWS'),
  };
};
