import type { OwnedContainer } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { reasonOf } from '../runtime/runtime-error.js';
import { injectionError } from '../secrets/secret-errors.js';
import { usesSecrets } from '../secrets/uses-secrets.js';
import { PAUSE_CONTAINER_NAME } from './docker-names.js';
import type { TaskState } from './task-state.js';
import { resolveTaskVolumes, type TaskVolume } from './task-volumes.js';
import type { TransitionContext } from './transitions.js';
import { ulimitNotices } from './ulimit-grants.js';

const ensureVolume = async (ctx: TransitionContext, volume: TaskVolume): Promise<void> => {
  if (volume.kind === 'unsupported') throw new Error(volume.reason);
  if (volume.kind === 'bind') return;
  if (volume.create) return ctx.runtime.ensureVolume(ctx.owner, volume.create);
  if (!(await ctx.runtime.hasVolume(volume.source))) {
    throw new Error(`volume '${volume.name}' does not exist and autoprovision is off`);
  }
};

/** The task's secrets, environment files and registry credentials, resolved and written out. */
const prepareSecrets = async (ctx: TransitionContext, task: TaskState): Promise<void> => {
  if (!usesSecrets(task.desired)) return;
  if (!ctx.secrets)
    throw injectionError('this agent cannot resolve secrets, environment files or repository credentials');
  task.prepared = await ctx.secrets.prepare(task.desired);
};

/**
 * Before any container: the task's address (awsvpc, from the agent's block), its cgroup (recorded
 * as its containers' cgroup parent), its volumes, its secrets (last: nothing after them can fail
 * and leave the values behind), and the notices for what the host cannot grant as asked. Returns
 * the failure reason, if any.
 */
export const setupTaskResources = async (
  ctx: TransitionContext,
  task: TaskState,
): Promise<string | undefined> => {
  try {
    if (task.desired.networkMode === 'awsvpc')
      task.address ??= await ctx.addresses.allocate(task.desired.taskArn);
    task.cgroupParent = await ctx.taskCgroups.ensure(task.desired);
    for (const volume of resolveTaskVolumes(task.desired)) await ensureVolume(ctx, volume);
    await prepareSecrets(ctx, task);
    task.notices = ulimitNotices(task.desired.containers, ctx.ulimits);
    return undefined;
  } catch (error) {
    return reasonOf(error, 'ResourceInitializationError');
  }
};

type Log = (message: string, fields?: Record<string, unknown>) => void;

const attempt = async (log: Log, what: string, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    log(`cleanup: could not remove ${what}`, { error: String(error) });
  }
};

const LIVE_STATES = new Set(['running', 'restarting', 'paused']);

/**
 * As the task stops, after its containers: every Docker container of the task — tracked or not
 * (a create that timed out, a start that failed yet ran) — that still runs is stopped, one that was
 * never started is removed at once. Returns the ids of untracked ones left for the cleanup.
 */
export const sweepTask = async (ctx: TransitionContext, task: TaskState, log: Log): Promise<string[]> => {
  const tracked = new Set(task.containers.flatMap((c) => c.runtimeId ?? []));
  let found: readonly OwnedContainer[];
  try {
    found = await ctx.runtime.listOwnedContainers(ctx.owner, task.desired.taskArn);
  } catch (error) {
    log('sweep: could not list the task’s containers', {
      taskArn: task.desired.taskArn,
      error: String(error),
    });
    return [...task.strays];
  }
  const strays: string[] = [];
  for (const c of found) {
    if (c.state === 'created') {
      await attempt(log, `never-started container ${c.name}`, () =>
        ctx.runtime.removeContainer(ctx.owner, c.id),
      );
      continue;
    }
    if (LIVE_STATES.has(c.state)) {
      log('sweep: stopping a container of a stopped task', { taskArn: task.desired.taskArn, name: c.name });
      await attempt(log, `running container ${c.name}`, () =>
        c.labels[LABELS.containerName] === PAUSE_CONTAINER_NAME
          ? ctx.runtime.killContainer(ctx.owner, c.id)
          : ctx.runtime.stopContainer(ctx.owner, c.id, ctx.config.containerStopTimeoutSeconds),
      );
    }
    if (!tracked.has(c.id)) strays.push(c.id);
  }
  return [...new Set([...task.strays, ...strays])];
};

/** Removes the task's containers (the pause container last), its task-scoped volumes and its cgroup. */
export const cleanupTask = async (ctx: TransitionContext, task: TaskState, log: Log): Promise<void> => {
  const remove = (ids: readonly string[]): Promise<void[]> =>
    Promise.all(
      ids.map((id) => attempt(log, `container ${id}`, () => ctx.runtime.removeContainer(ctx.owner, id))),
    );
  const ids = (internal: boolean): string[] =>
    task.containers.filter((c) => c.internal === internal).flatMap((c) => c.runtimeId ?? []);
  const logs = ctx.logs;
  if (logs) await Promise.all(ids(false).map((id) => logs.release(id)));
  await remove([...ids(false), ...task.strays]);
  await remove(ids(true));
  for (const volume of resolveTaskVolumes(task.desired)) {
    if (volume.kind === 'docker' && volume.taskScoped) {
      await attempt(log, `volume ${volume.source}`, () => ctx.runtime.removeVolume(ctx.owner, volume.source));
    }
  }
  await ctx.taskCgroups.remove(task.desired);
  if (ctx.secrets)
    await attempt(log, 'secret files', () => ctx.secrets?.cleanup(task.desired.taskArn) ?? Promise.resolve());
};

/** Once every container is STOPPED nothing starts again: the task's hidden values go. */
export const dropSecrets = async (ctx: TransitionContext, task: TaskState, log: Log): Promise<void> => {
  if (ctx.secrets && usesSecrets(task.desired))
    await attempt(log, 'secret files', () => ctx.secrets?.remove(task.desired.taskArn) ?? Promise.resolve());
};
