import { reasonOf } from '../runtime/runtime-error.js';
import type { TaskState } from './task-state.js';
import { resolveTaskVolumes, type TaskVolume } from './task-volumes.js';
import type { TransitionContext } from './transitions.js';

const ensureVolume = async (ctx: TransitionContext, volume: TaskVolume): Promise<void> => {
  if (volume.kind === 'unsupported') throw new Error(volume.reason);
  if (volume.kind === 'bind') return;
  if (volume.create) return ctx.runtime.ensureVolume(ctx.owner, volume.create);
  if (!(await ctx.runtime.hasVolume(volume.source))) {
    throw new Error(`volume '${volume.name}' does not exist and autoprovision is off`);
  }
};

/**
 * Creates the task's cgroup (recording it as its containers' cgroup parent) and its volumes,
 * before any container. Returns the failure reason, if any.
 */
export const setupTaskResources = async (
  ctx: TransitionContext,
  task: TaskState,
): Promise<string | undefined> => {
  try {
    task.cgroupParent = await ctx.taskCgroups.ensure(task.desired);
    for (const volume of resolveTaskVolumes(task.desired)) await ensureVolume(ctx, volume);
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

/** Removes the task's containers (the pause container last), its task-scoped volumes and its cgroup. */
export const cleanupTask = async (ctx: TransitionContext, task: TaskState, log: Log): Promise<void> => {
  const remove = (internal: boolean): Promise<void[]> =>
    Promise.all(
      task.containers
        .filter((c) => c.internal === internal && c.runtimeId !== undefined)
        .map((c) =>
          attempt(log, `container ${c.name}`, () =>
            ctx.runtime.removeContainer(ctx.owner, c.runtimeId ?? ''),
          ),
        ),
    );
  await remove(false);
  await remove(true);
  for (const volume of resolveTaskVolumes(task.desired)) {
    if (volume.kind === 'docker' && volume.taskScoped) {
      await attempt(log, `volume ${volume.source}`, () => ctx.runtime.removeVolume(ctx.owner, volume.source));
    }
  }
  await ctx.taskCgroups.remove(task.desired);
};
