/**
 * Network modes → container networking (ECS reference §6):
 * - bridge: each portMapping published on the bridge host IP; hostPort 0/absent → Docker picks one.
 * - host: the host's stack; bindings are containerPort = hostPort.
 * - awsvpc: a pause container holds the namespace and publishes every container port on the task's
 *   own address at hostPort = containerPort; the task's containers join it (`container:<pause>`),
 *   so they reach each other on localhost. No networkBindings are reported.
 * - none: no network.
 */
import type { ContainerDefinition, NetworkBinding, PortMapping } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { ContainerInspection, NetworkAttachment, PortPublish } from '../runtime/container-runtime.js';

const protocolOf = (mapping: PortMapping): 'tcp' | 'udp' => (mapping.protocol === 'udp' ? 'udp' : 'tcp');

const mappingsOf = (d: ContainerDefinition): PortMapping[] =>
  (d.portMappings ?? []).filter((m) => m.containerPort !== undefined && m.containerPort > 0);

export const networkAttachment = (task: DesiredTask, pauseId: string | undefined): NetworkAttachment =>
  task.networkMode === 'awsvpc'
    ? { mode: 'container', containerId: pauseId ?? '' }
    : { mode: task.networkMode };

/** Ports the container itself publishes (bridge mode only). */
export const bridgePorts = (
  task: DesiredTask,
  d: ContainerDefinition,
  bridgeHostIp: string,
): PortPublish[] =>
  task.networkMode !== 'bridge'
    ? []
    : mappingsOf(d).map((m) => ({
        containerPort: m.containerPort ?? 0,
        protocol: protocolOf(m),
        hostIp: bridgeHostIp,
        ...(m.hostPort ? { hostPort: m.hostPort } : {}),
      }));

/** Ports the awsvpc pause container publishes on the task address: every container's, hostPort = containerPort. */
export const awsvpcPorts = (task: DesiredTask, address: string | undefined): PortPublish[] => {
  if (address === undefined) return [];
  return task.containers.flatMap((d) =>
    mappingsOf(d).map((m) => ({
      containerPort: m.containerPort ?? 0,
      protocol: protocolOf(m),
      hostIp: address,
      hostPort: m.containerPort ?? 0,
    })),
  );
};

/** Whether the container carries its own hostname, DNS and hosts entries (not when it joins another). */
export const ownsNetworkIdentity = (task: DesiredTask): boolean => task.networkMode !== 'awsvpc';

export const hostnameAllowed = (task: DesiredTask): boolean =>
  task.networkMode === 'bridge' || task.networkMode === 'none';

/** The networkBindings to report for a running container. */
export const networkBindings = (
  task: DesiredTask,
  d: ContainerDefinition,
  inspection: ContainerInspection,
): NetworkBinding[] => {
  if (task.networkMode === 'host') {
    return mappingsOf(d).map((m) => ({
      bindIP: '0.0.0.0',
      containerPort: m.containerPort ?? 0,
      hostPort: m.hostPort || (m.containerPort ?? 0),
      protocol: protocolOf(m),
    }));
  }
  if (task.networkMode !== 'bridge') return [];
  return inspection.ports.map((p) => ({
    bindIP: p.hostIp,
    containerPort: p.containerPort,
    hostPort: p.hostPort,
    protocol: p.protocol,
  }));
};
