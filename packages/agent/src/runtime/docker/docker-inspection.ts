import type Dockerode from 'dockerode';

import type {
  ContainerInspection,
  ContainerRunState,
  PublishedPort,
  RuntimeHealth,
  TransportProtocol,
} from '../container-runtime.js';

const RUN_STATES: readonly ContainerRunState[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];

/** Docker writes `0001-01-01T00:00:00Z` for "never". */
const epochMs = (timestamp: string | undefined): number | undefined => {
  if (timestamp === undefined) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
};

const runState = (status: string): ContainerRunState =>
  (RUN_STATES as readonly string[]).includes(status) ? (status as ContainerRunState) : 'dead';

const health = (status: string | undefined): RuntimeHealth | undefined =>
  status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : undefined;

type PortMap = Record<string, { HostIp?: string; HostPort?: string }[] | null | undefined>;

export const publishedPorts = (ports: PortMap | undefined): PublishedPort[] => {
  const published: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port = '', proto = 'tcp'] = key.split('/');
    for (const binding of bindings ?? []) {
      const hostPort = Number(binding.HostPort);
      if (!Number.isInteger(hostPort) || hostPort <= 0) continue;
      published.push({
        containerPort: Number(port),
        protocol: (proto === 'udp' ? 'udp' : 'tcp') satisfies TransportProtocol,
        hostIp: binding.HostIp ?? '',
        hostPort,
      });
    }
  }
  return published;
};

/** Docker's inspect document → the runtime-neutral inspection. */
export const toInspection = (info: Dockerode.ContainerInspectInfo): ContainerInspection => {
  const state = info.State as Dockerode.ContainerInspectInfo['State'] & { Health?: { Status?: string } };
  const startedAt = epochMs(state.StartedAt);
  const finishedAt = epochMs(state.FinishedAt);
  const healthStatus = health(state.Health?.Status);
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    labels: info.Config.Labels ?? {},
    imageId: info.Image,
    state: runState(state.Status),
    exitCode: state.ExitCode,
    oomKilled: state.OOMKilled,
    error: state.Error,
    ...(startedAt === undefined ? {} : { startedAt }),
    ...(finishedAt === undefined ? {} : { finishedAt }),
    ...(healthStatus === undefined ? {} : { health: healthStatus }),
    ports: publishedPorts(info.NetworkSettings.Ports),
  };
};
