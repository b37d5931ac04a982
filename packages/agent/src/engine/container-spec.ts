import type { ContainerDefinition } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { ContainerSpec } from '../runtime/container-runtime.js';
import { LABELS, ownerLabels } from '../runtime/ownership-labels.js';
import { dockerContainerName } from './docker-names.js';
import type { ResolvedEngineConfig } from './engine-config.js';
import { withTaskEndpointEnv, type TaskEndpointEnv } from './task-endpoint-env.js';
import { bridgePorts, hostnameAllowed, networkAttachment, ownsNetworkIdentity } from './spec-network.js';
import {
  deviceMappings,
  healthcheckSpec,
  logSpec,
  resourceSpec,
  sharedMemoryBytes,
  sysctls,
  tmpfsMounts,
} from './spec-resources.js';
import { grantedUlimits, type UlimitPolicy } from './ulimit-grants.js';

export interface SpecContext {
  readonly task: DesiredTask;
  readonly owner: string;
  readonly clusterArn: string;
  readonly config: ResolvedEngineConfig;
  /** awsvpc: the pause container's id. */
  readonly pauseId?: string;
  /** Task volume name → bind source (host path or Docker volume). */
  readonly volumeSources: ReadonlyMap<string, string>;
  /** The task cgroup every container of the task is created in. */
  readonly cgroupParent?: string;
  /** awsvpc: the task's address (the pause container publishes its ports there). */
  readonly address?: string;
  readonly ulimits: UlimitPolicy;
  /** The agent's task metadata and credentials endpoint (absent: no endpoint variables). */
  readonly taskEndpoint?: TaskEndpointEnv;
}

/** The ECS agent's labels plus ours; they win over the task definition's dockerLabels. */
export const containerLabels = (
  ctx: SpecContext,
  containerName: string,
  dockerLabels = {},
): Record<string, string> => ({
  ...dockerLabels,
  [LABELS.taskArn]: ctx.task.taskArn,
  [LABELS.containerName]: containerName,
  [LABELS.family]: ctx.task.family,
  [LABELS.version]: String(ctx.task.revision),
  [LABELS.cluster]: ctx.clusterArn,
  ...ownerLabels(ctx.owner),
});

const binds = (ctx: SpecContext, d: ContainerDefinition): string[] =>
  (d.mountPoints ?? []).flatMap((m) => {
    const source = ctx.volumeSources.get(m.sourceVolume ?? '');
    if (source === undefined || !m.containerPath) return [];
    return [`${source}:${m.containerPath}${m.readOnly ? ':ro' : ''}`];
  });

const links = (ctx: SpecContext, d: ContainerDefinition): string[] =>
  ctx.task.networkMode !== 'bridge'
    ? []
    : (d.links ?? []).map((link) => {
        const [name = link, alias = name] = link.split(':');
        return `${dockerContainerName(ctx.task, name)}:${alias}`;
      });

const volumesFrom = (ctx: SpecContext, d: ContainerDefinition): string[] =>
  (d.volumesFrom ?? []).map(
    (v) => `${dockerContainerName(ctx.task, v.sourceContainer ?? '')}${v.readOnly ? ':ro' : ''}`,
  );

const networkIdentity = (ctx: SpecContext, d: ContainerDefinition): Partial<ContainerSpec> => {
  const own = ownsNetworkIdentity(ctx.task);
  return {
    ...(d.hostname !== undefined && hostnameAllowed(ctx.task) ? { hostname: d.hostname } : {}),
    extraHosts: own ? (d.extraHosts ?? []).map((h) => `${h.hostname}:${h.ipAddress}`) : [],
    dns: own ? (d.dnsServers ?? []) : [],
    dnsSearch: own ? (d.dnsSearchDomains ?? []) : [],
  };
};

/** Namespaced sysctls (net.*) belong to the pause container in awsvpc mode. */
const containerSysctls = (ctx: SpecContext, d: ContainerDefinition): Record<string, string> =>
  Object.fromEntries(
    Object.entries(sysctls(d)).filter(
      ([key]) => ctx.task.networkMode !== 'awsvpc' || !key.startsWith('net.'),
    ),
  );

/** ContainerDefinition → ContainerSpec: the whole mapping a `docker create` needs. */
export const containerSpec = (ctx: SpecContext, d: ContainerDefinition, image: string): ContainerSpec => {
  const name = d.name ?? '';
  const linux = d.linuxParameters;
  return {
    name: dockerContainerName(ctx.task, name),
    image,
    labels: containerLabels(ctx, name, d.dockerLabels),
    ...(d.entryPoint ? { entrypoint: d.entryPoint } : {}),
    ...(d.command ? { command: d.command } : {}),
    env: withTaskEndpointEnv(
      ctx.taskEndpoint,
      ctx.task,
      name,
      (d.environment ?? []).filter((e) => e.name).map((e) => `${e.name}=${e.value ?? ''}`),
    ),
    ...(d.workingDirectory === undefined ? {} : { workingDir: d.workingDirectory }),
    ...(d.user === undefined ? {} : { user: d.user }),
    network: networkAttachment(ctx.task, ctx.pauseId),
    ports: bridgePorts(ctx.task, d, ctx.config.bridgeHostIp),
    links: links(ctx, d),
    extraHosts: [],
    dns: [],
    dnsSearch: [],
    ...networkIdentity(ctx, d),
    binds: binds(ctx, d),
    volumesFrom: volumesFrom(ctx, d),
    tmpfs: tmpfsMounts(linux),
    devices: deviceMappings(linux),
    ...resourceSpec(ctx.task, d),
    ...(ctx.cgroupParent === undefined ? {} : { cgroupParent: ctx.cgroupParent }),
    ...(sharedMemoryBytes(linux) === undefined ? {} : { shmSize: sharedMemoryBytes(linux) ?? 0 }),
    ulimits: grantedUlimits(d, ctx.ulimits),
    sysctls: containerSysctls(ctx, d),
    capAdd: linux?.capabilities?.add ?? [],
    capDrop: linux?.capabilities?.drop ?? [],
    privileged: d.privileged ?? false,
    readonlyRootfs: d.readonlyRootFilesystem ?? false,
    init: linux?.initProcessEnabled ?? false,
    securityOpt: d.dockerSecurityOptions ?? [],
    networkDisabled: d.disableNetworking ?? false,
    openStdin: d.interactive ?? false,
    tty: d.pseudoTerminal ?? false,
    healthcheck: healthcheckSpec(d.healthCheck),
    log: logSpec(d.logConfiguration),
  };
};
