import type { ContainerDefinition, HealthStatus, NetworkBinding, TaskStopCode } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

import type { PreparedContainer } from '../secrets/secret-injection.js';
import { PAUSE_CONTAINER_NAME } from './docker-names.js';

/** The agent's own states (ECS `taskstatus.go`), in order. Everything before RUNNING is PENDING on the wire. */
export const AGENT_STATUSES = ['NONE', 'PULLED', 'CREATED', 'RUNNING', 'STOPPED'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const statusRank = (status: AgentStatus): number => AGENT_STATUSES.indexOf(status);
export const isBefore = (status: AgentStatus, than: AgentStatus): boolean =>
  statusRank(status) < statusRank(than);

/** One container of a managed task. Mutated only by its task's loop. */
export interface ManagedContainer {
  readonly name: string;
  readonly definition: ContainerDefinition;
  readonly essential: boolean;
  /** The awsvpc pause container: not reported, stopped with SIGKILL, stopped last. */
  readonly internal: boolean;
  known: AgentStatus;
  /** The image actually run (the pause image is only known once ensured). */
  image: string;
  runtimeId: string | undefined;
  imageDigest: string | undefined;
  exitCode: number | undefined;
  reason: string | undefined;
  health: HealthStatus;
  bindings: NetworkBinding[];
  /** Epoch ms of the (latest) start; set once the container has run. */
  startedAtMs: number | undefined;
  /** A failed stop is retried no earlier than this (epoch ms). */
  retryAtMs: number | undefined;
  /** The agent sent it SIGTERM/SIGKILL: its exit is the stop's, not an OOM kill's. */
  stopSent: boolean;
}

/** Why the agent itself stopped a task (user stops carry none: the control plane sets those). */
export interface TaskStop {
  readonly stopCode: TaskStopCode;
  readonly reason: string;
}

export interface TaskState {
  desired: DesiredTask;
  readonly containers: readonly ManagedContainer[];
  /** NONE until the task is STOPPED; RUNNING once `reachedRunning`. */
  known: AgentStatus;
  reachedRunning: boolean;
  stop: TaskStop | undefined;
  /** Task-scoped volumes and the task cgroup exist. */
  resourcesReady: boolean;
  /** The task cgroup its containers are created in (when it sets task-level limits). */
  cgroupParent: string | undefined;
  /** The task cgroup's OOM kills already attributed to a container. */
  oomKillsSeen: number;
  /** The task left the desired set: stop it and remove its containers right away. */
  forgotten: boolean;
  /** Its containers were found after an agent restart (timestamps come from them, not the clock). */
  adopted: boolean;
  cleanedUp: boolean;
  /** awsvpc: the task's address, from the agent's block; released once the task is STOPPED. */
  address: string | undefined;
  /** Container name → its hidden variables' directory and registry auth (resolved at setup). */
  prepared: ReadonlyMap<string, PreparedContainer>;
  /** What the agent does differently from the task definition (e.g. a lowered ulimit), reported. */
  notices: readonly string[];
  /** Containers of this task found running or left over that the task does not track (removed at cleanup). */
  strays: readonly string[];
  pullStartedAtMs: number | undefined;
  pullStoppedAtMs: number | undefined;
  startedAtMs: number | undefined;
  /** The task began stopping (desired STOPPED, an essential exit, a failure). */
  stoppingAtMs: number | undefined;
  /** Every container of the task (the pause container aside) had stopped. */
  executionStoppedAtMs: number | undefined;
  /** STOPPED: its network released; the cleanup wait runs from here. */
  stoppedAtMs: number | undefined;
}

const newContainer = (definition: ContainerDefinition, internal: boolean): ManagedContainer => ({
  name: definition.name ?? '',
  definition,
  essential: internal || (definition.essential ?? true),
  internal,
  known: 'NONE',
  image: definition.image ?? '',
  runtimeId: undefined,
  imageDigest: undefined,
  exitCode: undefined,
  reason: undefined,
  health: 'UNKNOWN',
  bindings: [],
  startedAtMs: undefined,
  retryAtMs: undefined,
  stopSent: false,
});

export const createTaskState = (desired: DesiredTask): TaskState => {
  const pause = desired.networkMode === 'awsvpc' ? [newContainer({ name: PAUSE_CONTAINER_NAME }, true)] : [];
  return {
    desired,
    containers: [...pause, ...desired.containers.map((d) => newContainer(d, false))],
    known: 'NONE',
    reachedRunning: false,
    stop: undefined,
    resourcesReady: false,
    cgroupParent: undefined,
    oomKillsSeen: 0,
    forgotten: false,
    adopted: false,
    cleanedUp: false,
    address: undefined,
    notices: [],
    prepared: new Map(),
    strays: [],
    pullStartedAtMs: undefined,
    pullStoppedAtMs: undefined,
    startedAtMs: undefined,
    stoppingAtMs: undefined,
    executionStoppedAtMs: undefined,
    stoppedAtMs: undefined,
  };
};

export const isStopping = (task: TaskState): boolean =>
  task.desired.desiredStatus === 'STOPPED' || task.stop !== undefined || task.forgotten;

export const containerNamed = (task: TaskState, name: string): ManagedContainer | undefined =>
  task.containers.find((c) => c.name === name);

export const pauseContainer = (task: TaskState): ManagedContainer | undefined =>
  task.containers.find((c) => c.internal);

/** Every container of the task but the pause container has stopped. */
export const workloadStopped = (task: TaskState): boolean =>
  task.containers.every((c) => c.internal || c.known === 'STOPPED');
