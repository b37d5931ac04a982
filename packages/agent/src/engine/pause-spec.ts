import type { ContainerSpec } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { containerLabels, type SpecContext } from './container-spec.js';
import { dockerContainerName, PAUSE_CONTAINER_NAME } from './docker-names.js';
import { MIN_CPU_SHARES, sysctls } from './spec-resources.js';
import { awsvpcPorts } from './spec-network.js';

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * The awsvpc pause container: it owns the task's network namespace (bridge network), publishes
 * every container port on the task address, and carries the task's DNS, hosts entries and net.*
 * sysctls, which Docker refuses on containers that join another's namespace.
 */
export const pauseSpec = (ctx: SpecContext, image: string): ContainerSpec => {
  const defs = ctx.task.containers;
  const netSysctls = defs.flatMap((d) =>
    Object.entries(sysctls(d)).filter(([key]) => key.startsWith('net.')),
  );
  return {
    name: dockerContainerName(ctx.task, PAUSE_CONTAINER_NAME),
    image,
    labels: {
      ...containerLabels(ctx, PAUSE_CONTAINER_NAME),
      ...(ctx.address === undefined ? {} : { [LABELS.taskAddress]: ctx.address }),
    },
    env: [],
    network: { mode: 'bridge' },
    ports: awsvpcPorts(ctx.task, ctx.address),
    links: [],
    extraHosts: unique(defs.flatMap((d) => (d.extraHosts ?? []).map((h) => `${h.hostname}:${h.ipAddress}`))),
    dns: unique(defs.flatMap((d) => d.dnsServers ?? [])),
    dnsSearch: unique(defs.flatMap((d) => d.dnsSearchDomains ?? [])),
    binds: [],
    volumesFrom: [],
    tmpfs: {},
    devices: [],
    cpuShares: MIN_CPU_SHARES,
    ...(ctx.cgroupParent === undefined ? {} : { cgroupParent: ctx.cgroupParent }),
    ulimits: [],
    sysctls: Object.fromEntries(netSysctls),
    capAdd: [],
    capDrop: [],
    privileged: false,
    readonlyRootfs: false,
    init: false,
    securityOpt: [],
    networkDisabled: false,
    openStdin: false,
    tty: false,
    healthcheck: { test: ['NONE'] },
    log: { driver: 'json-file', options: {} },
  };
};
