import type Dockerode from 'dockerode';

import type { ContainerSpec, HealthcheckSpec, PortPublish } from '../container-runtime.js';

type HostConfig = NonNullable<Dockerode.ContainerCreateOptions['HostConfig']>;

const portKey = (port: { containerPort: number; protocol: string }): string =>
  `${port.containerPort}/${port.protocol}`;

const networkMode = (spec: ContainerSpec): string =>
  spec.network.mode === 'container' ? `container:${spec.network.containerId}` : spec.network.mode;

const portBindings = (
  ports: readonly PortPublish[],
): Record<string, { HostIp: string; HostPort: string }[]> => {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of ports) {
    const list = (bindings[portKey(port)] ??= []);
    list.push({ HostIp: port.hostIp, HostPort: port.hostPort === undefined ? '' : String(port.hostPort) });
  }
  return bindings;
};

const healthConfig = (health: HealthcheckSpec): Dockerode.HealthConfig => ({
  Test: [...health.test],
  ...(health.intervalNs === undefined ? {} : { Interval: health.intervalNs }),
  ...(health.timeoutNs === undefined ? {} : { Timeout: health.timeoutNs }),
  ...(health.retries === undefined ? {} : { Retries: health.retries }),
  ...(health.startPeriodNs === undefined ? {} : { StartPeriod: health.startPeriodNs }),
});

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

const resources = (spec: ContainerSpec): Partial<HostConfig> => ({
  ...optional('CpuShares', spec.cpuShares),
  ...optional('Memory', spec.memory),
  ...optional('MemoryReservation', spec.memoryReservation),
  ...optional('MemorySwap', spec.memorySwap),
  ...optional('MemorySwappiness', spec.memorySwappiness),
  ...optional('CgroupParent', spec.cgroupParent),
  ...optional('ShmSize', spec.shmSize),
  Ulimits: spec.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
});

const hostConfig = (spec: ContainerSpec): HostConfig => ({
  NetworkMode: networkMode(spec),
  PortBindings: portBindings(spec.ports),
  Links: [...spec.links],
  ExtraHosts: [...spec.extraHosts],
  ...(spec.dns.length > 0 ? { Dns: [...spec.dns] } : {}),
  ...(spec.dnsSearch.length > 0 ? { DnsSearch: [...spec.dnsSearch] } : {}),
  Binds: [...spec.binds],
  VolumesFrom: [...spec.volumesFrom],
  Tmpfs: { ...spec.tmpfs },
  Devices: spec.devices.map((d) => ({
    PathOnHost: d.hostPath,
    PathInContainer: d.containerPath,
    CgroupPermissions: d.permissions,
  })),
  ...resources(spec),
  Sysctls: { ...spec.sysctls },
  CapAdd: [...spec.capAdd],
  CapDrop: [...spec.capDrop],
  Privileged: spec.privileged,
  ReadonlyRootfs: spec.readonlyRootfs,
  ...(spec.init ? { Init: true } : {}),
  SecurityOpt: [...spec.securityOpt],
  LogConfig: { Type: spec.log.driver, Config: { ...spec.log.options } },
});

/** The Engine API body for POST /containers/create. */
export const dockerCreateOptions = (spec: ContainerSpec): Dockerode.ContainerCreateOptions => ({
  name: spec.name,
  Image: spec.image,
  Labels: { ...spec.labels },
  ...(spec.entrypoint ? { Entrypoint: [...spec.entrypoint] } : {}),
  ...(spec.command ? { Cmd: [...spec.command] } : {}),
  Env: [...spec.env],
  ...optional('WorkingDir', spec.workingDir),
  ...optional('User', spec.user),
  ...optional('Hostname', spec.hostname),
  ExposedPorts: Object.fromEntries(spec.ports.map((p) => [portKey(p), {}])),
  NetworkDisabled: spec.networkDisabled,
  OpenStdin: spec.openStdin,
  Tty: spec.tty,
  Healthcheck: healthConfig(spec.healthcheck),
  HostConfig: hostConfig(spec),
});
