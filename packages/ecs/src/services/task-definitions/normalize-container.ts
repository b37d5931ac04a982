/**
 * A container definition as ECS returns it after registration: its members in the model's order,
 * unknown members dropped, and the defaults ECS fills in (cpu 0, essential true, empty
 * environment/mountPoints/volumesFrom/portMappings, protocol tcp, resolved host ports, health
 * check interval/timeout/retries).
 */
import type { ContainerDefinition, HealthCheck, NetworkMode, PortMapping } from '@berth/wire/ecs';

import { HEALTH_CHECK_DEFAULTS } from './health-check-rules.js';

/** ContainerDefinition members in botocore's order, which is the order ECS returns them in. */
const CONTAINER_KEYS = [
  'name',
  'image',
  'repositoryCredentials',
  'cpu',
  'memory',
  'memoryReservation',
  'links',
  'portMappings',
  'essential',
  'restartPolicy',
  'entryPoint',
  'command',
  'environment',
  'environmentFiles',
  'mountPoints',
  'volumesFrom',
  'linuxParameters',
  'secrets',
  'dependsOn',
  'startTimeout',
  'stopTimeout',
  'versionConsistency',
  'hostname',
  'user',
  'workingDirectory',
  'disableNetworking',
  'privileged',
  'readonlyRootFilesystem',
  'dnsServers',
  'dnsSearchDomains',
  'extraHosts',
  'dockerSecurityOptions',
  'interactive',
  'pseudoTerminal',
  'dockerLabels',
  'ulimits',
  'logConfiguration',
  'healthCheck',
  'systemControls',
  'resourceRequirements',
  'firelensConfiguration',
  'credentialSpecs',
] as const satisfies readonly (keyof ContainerDefinition)[];

// Compile-time guard: every ContainerDefinition member is listed above.
type Unlisted = Exclude<keyof ContainerDefinition, (typeof CONTAINER_KEYS)[number]>;
const everyMemberListed: [Unlisted] extends [never] ? true : never = true;
void everyMemberListed;

/**
 * In awsvpc and host mode the host port is the container port; in bridge mode an omitted host
 * port is returned as 0 (dynamic). Port ranges get no host port.
 */
export const normalizePortMapping = (mapping: PortMapping, mode: NetworkMode): PortMapping => {
  const out: PortMapping = {};
  if (mapping.containerPortRange === undefined && mapping.containerPort !== undefined) {
    out.containerPort = mapping.containerPort;
    out.hostPort =
      mode === 'awsvpc' || mode === 'host'
        ? mapping.hostPort || mapping.containerPort
        : (mapping.hostPort ?? 0);
  }
  out.protocol = mapping.protocol ?? 'tcp';
  if (mapping.name !== undefined) out.name = mapping.name;
  if (mapping.appProtocol !== undefined) out.appProtocol = mapping.appProtocol;
  if (mapping.containerPortRange !== undefined) out.containerPortRange = mapping.containerPortRange;
  return out;
};

const normalizeHealthCheck = (check: HealthCheck): HealthCheck => ({
  command: [...check.command],
  interval: check.interval ?? HEALTH_CHECK_DEFAULTS.interval,
  timeout: check.timeout ?? HEALTH_CHECK_DEFAULTS.timeout,
  retries: check.retries ?? HEALTH_CHECK_DEFAULTS.retries,
  ...(check.startPeriod !== undefined ? { startPeriod: check.startPeriod } : {}),
});

export const normalizeContainer = (
  container: ContainerDefinition,
  mode: NetworkMode,
): ContainerDefinition => {
  const filled: ContainerDefinition = {
    ...container,
    cpu: container.cpu ?? 0,
    portMappings: (container.portMappings ?? []).map((m) => normalizePortMapping(m, mode)),
    essential: container.essential ?? true,
    environment: container.environment ?? [],
    mountPoints: container.mountPoints ?? [],
    volumesFrom: container.volumesFrom ?? [],
    ...(container.healthCheck ? { healthCheck: normalizeHealthCheck(container.healthCheck) } : {}),
  };
  const out: Record<string, unknown> = {};
  for (const key of CONTAINER_KEYS) {
    const value: unknown = filled[key];
    if (value !== undefined && value !== null) out[key] = structuredClone(value);
  }
  return out;
};
