/** What this host offers as a container instance: resources and the built-in ECS attributes. */
import { arch, cpus, hostname, totalmem } from 'node:os';

import { RESERVED_TCP_PORTS, type ResourceAmounts } from '@berth/core';
import type { Attribute } from '@berth/wire/ecs';

import type { UlimitPolicy } from '../engine/ulimit-grants.js';
import { AGENT_CAPABILITIES } from './capabilities.js';

export interface HostFactsConfig {
  readonly availabilityZone: string;
  readonly instanceType: string;
  /** MiB kept back from tasks (ECS_RESERVED_MEMORY). */
  readonly reservedMemoryMiB: number;
  /** Overrides of the detected resources, e.g. to make a small test instance. */
  readonly cpuUnits?: number;
  readonly memoryMiB?: number;
  readonly customAttributes: readonly Attribute[];
  /** The Berth Auto Scaling group this agent joins (`--auto-scaling-group`), if any. */
  readonly autoScalingGroup?: string;
}

/**
 * The attribute that puts a container instance in an Auto Scaling group; the control plane matches
 * it against its capacity providers' group names (control-plane `AUTO_SCALING_GROUP_ATTRIBUTE`).
 */
export const AUTO_SCALING_GROUP_ATTRIBUTE = 'berth.auto-scaling-group';

export const cpuArchitecture = (): string =>
  arch() === 'arm64' ? 'arm64' : arch() === 'x64' ? 'x86_64' : arch();

export const hostResources = (config: HostFactsConfig): ResourceAmounts => ({
  cpu: config.cpuUnits ?? cpus().length * 1024,
  memory: (config.memoryMiB ?? Math.floor(totalmem() / (1024 * 1024))) - config.reservedMemoryMiB,
  ports: RESERVED_TCP_PORTS,
  portsUdp: [],
});

export const hostAttributes = (config: HostFactsConfig): Attribute[] => [
  { name: 'ecs.os-type', value: 'linux' },
  { name: 'ecs.os-family', value: 'LINUX' },
  { name: 'ecs.cpu-architecture', value: cpuArchitecture() },
  { name: 'ecs.availability-zone', value: config.availabilityZone },
  { name: 'ecs.instance-type', value: config.instanceType },
  { name: 'ecs.ami-id', value: 'ami-berth' },
  ...AGENT_CAPABILITIES.map((name) => ({ name })),
  ...config.customAttributes,
  ...(config.autoScalingGroup !== undefined
    ? [{ name: AUTO_SCALING_GROUP_ATTRIBUTE, value: config.autoScalingGroup }]
    : []),
];

/**
 * The ulimit ceilings this agent enforces, as attributes (`berth.ulimit-max.nofile` = `20000`), so a
 * placement constraint or a user can see them. None when strict (limits are passed as given).
 */
export const ulimitAttributes = (policy: UlimitPolicy): Attribute[] =>
  policy.strict
    ? []
    : [...policy.ceilings]
        .filter(([name]) => name === 'nofile' || name === 'nproc')
        .map(([name, max]) => ({
          name: `berth.ulimit-max.${name}`,
          value: String(max),
        }));

export const hostIdentity = (instanceType: string, availabilityZone: string): string =>
  JSON.stringify({ instanceId: undefined, instanceType, availabilityZone, hostname: hostname() });
