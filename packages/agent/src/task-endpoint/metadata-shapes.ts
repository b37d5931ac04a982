/**
 * The task metadata endpoint's JSON, as ECS documents it (task-metadata-endpoint-v4-response,
 * -v3): a container's metadata and its task's, built from the task's state in the agent and each
 * container's Docker details. v3 is v4 without the fields v4 added (LaunchType, ContainerARN,
 * LogDriver, LogOptions, the network's subnet details). Fields ECS omits when unknown are omitted.
 */
import { dockerContainerName } from '../engine/docker-names.js';
import { reportedStatus } from '../engine/task-report.js';
import type { ManagedContainer, TaskState } from '../engine/task-state.js';
import type { ContainerDetails } from './container-details.js';

export type MetadataVersion = 'v3' | 'v4';

export interface MetadataContext {
  readonly version: MetadataVersion;
  readonly availabilityZone: string;
  /** awsvpc: the block task addresses come from (v4's IPv4SubnetCIDRBlock). */
  readonly subnetCidr?: string;
  /** Container runtime id → its Docker details (absent: not inspected). */
  readonly details: (runtimeId: string) => ContainerDetails | undefined;
}

type Json = Record<string, unknown>;

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Drops the undefined members (ECS omits what it does not know). */
const defined = (record: Json): Json =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const networks = (task: TaskState, details: ContainerDetails | undefined, ctx: MetadataContext): Json[] => {
  const mode = task.desired.networkMode;
  if (mode === 'none') return [];
  if (mode === 'awsvpc') {
    const addresses = task.address === undefined ? [] : [task.address];
    return [
      ctx.version === 'v4'
        ? defined({
            AttachmentIndex: 0,
            NetworkMode: 'awsvpc',
            IPv4Addresses: addresses,
            IPv4SubnetCIDRBlock: ctx.subnetCidr,
          })
        : { NetworkMode: 'awsvpc', IPv4Addresses: addresses },
    ];
  }
  if (mode === 'host') return [{ NetworkMode: 'host' }];
  return [{ NetworkMode: mode, IPv4Addresses: details?.ipv4Addresses ?? [] }];
};

const ports = (c: ManagedContainer): Json[] | undefined =>
  c.bindings.length === 0
    ? undefined
    : c.bindings.map((b) =>
        defined({
          ContainerPort: b.containerPort,
          Protocol: b.protocol,
          HostPort: b.hostPort,
          HostIp: b.bindIP,
        }),
      );

const logFields = (c: ManagedContainer): Json => {
  const log = c.definition.logConfiguration;
  if (!log) return {};
  return { LogDriver: log.logDriver, LogOptions: log.options ?? {} };
};

/** One container's metadata (`${ECS_CONTAINER_METADATA_URI_V4}` and each of `/task`'s Containers). */
export const containerMetadata = (task: TaskState, c: ManagedContainer, ctx: MetadataContext): Json => {
  const details = c.runtimeId === undefined ? undefined : ctx.details(c.runtimeId);
  const d = c.definition;
  const v4 = ctx.version === 'v4';
  return defined({
    DockerId: c.runtimeId,
    Name: c.name,
    DockerName: dockerContainerName(task.desired, c.name),
    Image: d.image,
    ImageID: details?.imageId,
    Ports: ports(c),
    Labels: details?.labels ?? {},
    DesiredStatus: task.desired.desiredStatus,
    KnownStatus: c.known,
    ExitCode: c.known === 'STOPPED' ? c.exitCode : undefined,
    Limits: defined({ CPU: d.cpu ?? 0, Memory: d.memory ?? d.memoryReservation }),
    CreatedAt: details?.createdAt,
    StartedAt: iso(c.startedAtMs),
    FinishedAt: c.known === 'STOPPED' ? details?.finishedAt : undefined,
    Type: 'NORMAL',
    ContainerARN: v4 ? task.desired.containerArns?.[c.name] : undefined,
    ...(v4 ? logFields(c) : {}),
    Health: d.healthCheck ? { status: c.health } : undefined,
    Networks: networks(task, details, ctx),
  });
};

const taskLimits = (task: TaskState): Json | undefined => {
  const { cpu, memory } = task.desired;
  if (cpu === undefined && memory === undefined) return undefined;
  return defined({ CPU: cpu === undefined ? undefined : cpu / 1024, Memory: memory });
};

/** `${ECS_CONTAINER_METADATA_URI_V4}/task`. */
export const taskMetadata = (task: TaskState, ctx: MetadataContext): Json => {
  const desired = task.desired;
  const v4 = ctx.version === 'v4';
  return defined({
    Cluster: desired.clusterArn,
    TaskARN: desired.taskArn,
    Family: desired.family,
    Revision: String(desired.revision),
    DesiredStatus: desired.desiredStatus,
    KnownStatus: reportedStatus(task),
    Containers: task.containers.filter((c) => !c.internal).map((c) => containerMetadata(task, c, ctx)),
    Limits: taskLimits(task),
    PullStartedAt: iso(task.pullStartedAtMs),
    PullStoppedAt: iso(task.pullStoppedAtMs),
    ExecutionStoppedAt: iso(task.executionStoppedAtMs),
    AvailabilityZone: ctx.availabilityZone,
    LaunchType: v4 ? desired.launchType : undefined,
    ServiceName: v4 ? desired.serviceName : undefined,
  });
};
