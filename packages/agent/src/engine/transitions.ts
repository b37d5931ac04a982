/**
 * The task state machine. One serial loop per task (managed-task.ts) walks each container through
 * the agent states below; step-planner.ts decides which moves are due (dependencies.ts says when a
 * container may move), and this table performs them — one function per target state, as in the
 * ECS agent's docker_task_engine.go.
 *
 *               pull               create              start
 *   ┌──────┐ ──────────▶ ┌────────┐ ─────────▶ ┌─────────┐ ─────────▶ ┌─────────┐
 *   │ NONE │             │ PULLED │            │ CREATED │            │ RUNNING │
 *   └──────┘             └────────┘            └─────────┘            └─────────┘
 *      │                     │                      │                      │ exits, or stop
 *      │                     │  failure, or the task stops (no runtime      │ (SIGTERM/STOPSIGNAL,
 *      │                     │  call: nothing is running)                   ▼  SIGKILL after timeout)
 *      └─────────────────────┴──────────────────────┴──────────────▶ ┌─────────┐
 *                                                                     │ STOPPED │
 *                                                                     └─────────┘
 * Task, on the wire:  PENDING (NONE … CREATED) ──▶ RUNNING ──▶ STOPPED
 *  - RUNNING once every container runs, except non-essential containers that exited and
 *    containers still waiting on a COMPLETE/SUCCESS dependency.
 *  - The task stops when desired STOPPED (or gone from the desired set), when an essential
 *    container exits (EssentialContainerExited), when an essential container's transition fails or
 *    a dependency can never be met (TaskFailedToStart). Running containers then stop in reverse
 *    dependency order; the awsvpc pause container goes last, killed.
 *  - A container that was created but never started is removed as the task stops (nothing ran).
 *  - STOPPED once every container is and the task's own leftovers are swept (a container of the
 *    task still running, or created by a call that timed out, is stopped or removed) and its
 *    address released. Its containers (and task-scoped volumes) are removed taskCleanupWaitSeconds
 *    later, or at once when the task leaves the desired set.
 */
import type { ImageResolver } from '../ecr/index.js';
import type { TaskCgroups } from '../host/task-cgroups.js';
import type { ContainerInspection, ContainerRuntime, ContainerSpec } from '../runtime/container-runtime.js';
import { isOwnedBy, LABELS } from '../runtime/ownership-labels.js';
import { reasonOf, RuntimeError, type RuntimeErrorName } from '../runtime/runtime-error.js';
import type { TaskAddresses } from '../host/task-addresses.js';
import type { ContainerLogShipping } from '../logs/log-shipping.js';
import type { PauseImage } from '../pause/pause-image.js';
import { launchedSpec } from '../secrets/launcher.js';
import type { SecretInjection } from '../secrets/secret-injection.js';
import { withRepositoryAuth } from '../secrets/repository-auth.js';
import { containerSpec, type SpecContext } from './container-spec.js';
import type { ResolvedEngineConfig } from './engine-config.js';
import { pauseSpec } from './pause-spec.js';
import type { TaskEndpointEnv } from './task-endpoint-env.js';
import { pauseContainer, type AgentStatus, type ManagedContainer, type TaskState } from './task-state.js';
import { ensureTaskImage } from './task-image.js';
import { resolveTaskVolumes, volumeSources } from './task-volumes.js';
import type { UlimitPolicy } from './ulimit-grants.js';

export type TargetStatus = Exclude<AgentStatus, 'NONE'>;

export interface TransitionContext {
  readonly runtime: ContainerRuntime;
  /** The container instance ARN: owner of everything created. */
  readonly owner: string;
  readonly clusterArn: string;
  readonly config: ResolvedEngineConfig;
  readonly pause: PauseImage;
  readonly taskCgroups: TaskCgroups;
  /** The agent's awsvpc address block. */
  readonly addresses: TaskAddresses;
  readonly ulimits: UlimitPolicy;
  /** The agent as awslogs driver: creates a container's log stream before it starts. */
  readonly logs?: ContainerLogShipping;
  /** Rewrites registry (ECR) images to what Docker pulls, with credentials; absent: images as written. */
  readonly images?: ImageResolver;
  /** The task metadata and credentials endpoint whose variables every container gets. */
  readonly taskEndpoint?: TaskEndpointEnv;
  /** Resolves secrets, environment files and registry credentials at task start; absent: tasks using them fail. */
  readonly secrets?: SecretInjection;
}

/** What a transition observed; the task loop folds it into the state. */
export type Outcome =
  | { readonly kind: 'pulled'; readonly image: string; readonly digest?: string }
  | { readonly kind: 'created'; readonly id: string; readonly inspection?: ContainerInspection }
  /** After start/stop: the inspection, `undefined` if gone, `'unknown'` if the inspect failed. */
  | { readonly kind: 'observed'; readonly inspection: ContainerInspection | undefined | 'unknown' }
  | { readonly kind: 'marked-stopped' }
  /** Created but never started, so removed rather than kept for the cleanup wait. */
  | { readonly kind: 'removed' }
  | { readonly kind: 'failed'; readonly reason: string };

type Transition = (ctx: TransitionContext, task: TaskState, c: ManagedContainer) => Promise<Outcome>;

const specContext = (ctx: TransitionContext, task: TaskState): SpecContext => {
  const pauseId = pauseContainer(task)?.runtimeId;
  return {
    task: task.desired,
    owner: ctx.owner,
    clusterArn: task.desired.clusterArn || ctx.clusterArn,
    config: ctx.config,
    ...(pauseId === undefined ? {} : { pauseId }),
    volumeSources: volumeSources(resolveTaskVolumes(task.desired)),
    ...(task.cgroupParent === undefined ? {} : { cgroupParent: task.cgroupParent }),
    ...(task.address === undefined ? {} : { address: task.address }),
    ulimits: ctx.ulimits,
    ...(ctx.taskEndpoint === undefined ? {} : { taskEndpoint: ctx.taskEndpoint }),
  };
};

const inspectAfter = async (ctx: TransitionContext, id: string): Promise<Outcome> => {
  try {
    return { kind: 'observed', inspection: await ctx.runtime.inspectContainer(id) };
  } catch {
    return { kind: 'observed', inspection: 'unknown' };
  }
};

/**
 * The image as Docker pulls it — a registry image rewritten to the host Docker reaches Berth's
 * registry at, or the definition's name when the host caches it so (task-image.ts) — is what the
 * digest and the create use; the task definition's `image` stays what ECS shows.
 */
const pull: Transition = async (ctx, task, c) => {
  if (c.internal) return { kind: 'pulled', image: await ctx.pause.ensure() };
  const resolved = ctx.images ? await ctx.images.resolve(c.image, task.desired) : { reference: c.image };
  const request = withRepositoryAuth(resolved, task.prepared.get(c.name)?.repositoryAuth);
  const ensured = await ensureTaskImage(ctx.runtime, ctx.config.imagePullBehavior, c.image, request);
  return {
    kind: 'pulled',
    image: ensured.reference,
    ...(ensured.digest === undefined ? {} : { digest: ensured.digest }),
  };
};

/** A name conflict means an earlier attempt (or agent run) created it: adopt it if it is this task's. */
const adoptExisting = async (
  ctx: TransitionContext,
  task: TaskState,
  c: ManagedContainer,
  name: string,
  conflict: RuntimeError,
): Promise<Outcome> => {
  const existing = await ctx.runtime.inspectContainer(name);
  const mine =
    existing !== undefined &&
    isOwnedBy(existing.labels, ctx.owner) &&
    existing.labels[LABELS.taskArn] === task.desired.taskArn &&
    existing.labels[LABELS.containerName] === c.name;
  if (!mine) throw conflict;
  return { kind: 'created', id: existing.id, inspection: existing };
};

/** A container with hidden variables starts through the launcher; any other is created as written. */
const launchable = async (
  ctx: TransitionContext,
  task: TaskState,
  c: ManagedContainer,
  spec: ContainerSpec,
): Promise<ContainerSpec> => {
  const hostDir = task.prepared.get(c.name)?.hostDir;
  if (hostDir === undefined || !ctx.secrets) return spec;
  return launchedSpec(spec, await ctx.runtime.imageCommand(c.image), {
    hostDir,
    busybox: ctx.secrets.busybox,
  });
};

const create: Transition = async (ctx, task, c) => {
  const specs = specContext(ctx, task);
  const spec = c.internal
    ? pauseSpec(specs, c.image)
    : await launchable(ctx, task, c, containerSpec(specs, c.definition, c.image));
  try {
    return { kind: 'created', id: await ctx.runtime.createContainer(ctx.owner, spec) };
  } catch (error) {
    if (error instanceof RuntimeError && error.conflict) return adoptExisting(ctx, task, c, spec.name, error);
    throw error;
  }
};

const start: Transition = async (ctx, task, c) => {
  const id = c.runtimeId ?? '';
  if (!c.internal) await ctx.logs?.prepare(task.desired.taskArn, c.definition, id);
  await ctx.runtime.startContainer(ctx.owner, id);
  return inspectAfter(ctx, id);
};

/** SIGTERM → SIGKILL grace: the task's stop override, else the container's stopTimeout, else the default. */
const stopTimeoutSeconds = (ctx: TransitionContext, task: TaskState, c: ManagedContainer): number => {
  const override = task.desired.desiredStatus === 'STOPPED' ? task.desired.stopGraceSeconds : undefined;
  return override ?? c.definition.stopTimeout ?? ctx.config.containerStopTimeoutSeconds;
};

const stop: Transition = async (ctx, task, c) => {
  if (c.runtimeId === undefined) return { kind: 'marked-stopped' };
  if (c.known !== 'RUNNING') {
    await ctx.runtime.removeContainer(ctx.owner, c.runtimeId);
    return { kind: 'removed' };
  }
  c.stopSent = true;
  if (c.internal) await ctx.runtime.killContainer(ctx.owner, c.runtimeId);
  else await ctx.runtime.stopContainer(ctx.owner, c.runtimeId, stopTimeoutSeconds(ctx, task, c));
  return inspectAfter(ctx, c.runtimeId);
};

/** The transition table: target status → the function that gets a container there. */
export const TRANSITIONS: Readonly<Record<TargetStatus, Transition>> = {
  PULLED: pull,
  CREATED: create,
  RUNNING: start,
  STOPPED: stop,
};

const FAILURE_NAMES: Readonly<Record<TargetStatus, RuntimeErrorName>> = {
  PULLED: 'CannotPullContainerError',
  CREATED: 'CannotCreateContainerError',
  RUNNING: 'CannotStartContainerError',
  STOPPED: 'CannotStopContainerError',
};

/** Runs one transition; a failure becomes an outcome carrying the wire reason. */
export const runTransition = async (
  ctx: TransitionContext,
  task: TaskState,
  c: ManagedContainer,
  to: TargetStatus,
): Promise<Outcome> => {
  try {
    return await TRANSITIONS[to](ctx, task, c);
  } catch (error) {
    return { kind: 'failed', reason: reasonOf(error, FAILURE_NAMES[to]) };
  }
};
