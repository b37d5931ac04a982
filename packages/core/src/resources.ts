/**
 * Resource math for placement: what an instance offers and what a task reserves.
 * CPU is in CPU units (1 vCPU = 1024), memory in MiB, ports are host ports.
 */
import type { ContainerDefinition, Resource } from '@berth/wire/ecs';

export interface ResourceAmounts {
  readonly cpu: number;
  readonly memory: number;
  readonly ports: readonly number[];
  readonly portsUdp: readonly number[];
}

export const EMPTY_RESOURCES: ResourceAmounts = { cpu: 0, memory: 0, ports: [], portsUdp: [] };

/** Host ports ECS reserves on every container instance. */
export const RESERVED_TCP_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679];

/** The wire `Resource[]` of a container instance. */
export const toWireResources = (amounts: ResourceAmounts): Resource[] => [
  { name: 'CPU', type: 'INTEGER', integerValue: amounts.cpu, doubleValue: 0, longValue: 0 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: amounts.memory, doubleValue: 0, longValue: 0 },
  {
    name: 'PORTS',
    type: 'STRINGSET',
    stringSetValue: amounts.ports.map(String),
    integerValue: 0,
    doubleValue: 0,
    longValue: 0,
  },
  {
    name: 'PORTS_UDP',
    type: 'STRINGSET',
    stringSetValue: amounts.portsUdp.map(String),
    integerValue: 0,
    doubleValue: 0,
    longValue: 0,
  },
];

export const fromWireResources = (resources: readonly Resource[] | undefined): ResourceAmounts => {
  const byName = new Map((resources ?? []).map((r) => [r.name, r]));
  const num = (name: string): number => {
    const r = byName.get(name);
    return r?.integerValue ?? r?.longValue ?? r?.doubleValue ?? 0;
  };
  const ports = (name: string): number[] => (byName.get(name)?.stringSetValue ?? []).map(Number);
  return { cpu: num('CPU'), memory: num('MEMORY'), ports: ports('PORTS'), portsUdp: ports('PORTS_UDP') };
};

export const subtractResources = (from: ResourceAmounts, used: ResourceAmounts): ResourceAmounts => ({
  cpu: from.cpu - used.cpu,
  memory: from.memory - used.memory,
  ports: [...from.ports, ...used.ports],
  portsUdp: [...from.portsUdp, ...used.portsUdp],
});

export const addResources = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({
  cpu: a.cpu + b.cpu,
  memory: a.memory + b.memory,
  ports: [...a.ports, ...b.ports],
  portsUdp: [...a.portsUdp, ...b.portsUdp],
});

export interface TaskShape {
  readonly networkMode: string;
  /** Task-level CPU units and memory MiB, when the task definition (or override) sets them. */
  readonly cpu?: number | undefined;
  readonly memory?: number | undefined;
  readonly containers: readonly ContainerDefinition[];
}

/**
 * What a task reserves on its instance: the task-level cpu/memory when set, otherwise per
 * container `cpu` and `memoryReservation` (or `memory`). Static host ports are reserved; dynamic
 * ports (hostPort 0 or absent in bridge mode) and awsvpc ports (the task has its own address) are not.
 */
export const taskReservation = (task: TaskShape): ResourceAmounts => {
  const sum = (pick: (c: ContainerDefinition) => number): number =>
    task.containers.reduce((total, c) => total + pick(c), 0);
  const cpu = task.cpu ?? sum((c) => c.cpu ?? 0);
  const memory = task.memory ?? sum((c) => c.memoryReservation ?? c.memory ?? 0);
  const ports: number[] = [];
  const portsUdp: number[] = [];
  if (task.networkMode === 'bridge' || task.networkMode === 'host') {
    for (const mapping of task.containers.flatMap((c) => c.portMappings ?? [])) {
      const hostPort = task.networkMode === 'host' ? mapping.containerPort : mapping.hostPort;
      if (hostPort === undefined || hostPort === 0) continue;
      (mapping.protocol === 'udp' ? portsUdp : ports).push(hostPort);
    }
  }
  return { cpu, memory, ports, portsUdp };
};
