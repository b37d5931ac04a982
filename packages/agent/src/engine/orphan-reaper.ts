import type { ContainerRuntime, OwnedContainer } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { PAUSE_CONTAINER_NAME } from './docker-names.js';

export interface ReapContext {
  readonly runtime: ContainerRuntime;
  readonly owner: string;
  readonly stopTimeoutSeconds: number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

const isPause = (c: OwnedContainer): boolean => c.labels[LABELS.containerName] === PAUSE_CONTAINER_NAME;

const reapContainer = async (ctx: ReapContext, c: OwnedContainer): Promise<void> => {
  try {
    if (c.state === 'running' && isPause(c)) await ctx.runtime.killContainer(ctx.owner, c.id);
    else if (c.state === 'running') await ctx.runtime.stopContainer(ctx.owner, c.id, ctx.stopTimeoutSeconds);
    await ctx.runtime.removeContainer(ctx.owner, c.id);
  } catch (error) {
    ctx.log('could not remove orphaned container', { id: c.id, name: c.name, error: String(error) });
  }
};

/**
 * Stops and removes owned containers of tasks the control plane no longer wants (found after an
 * agent restart), pause containers last, then the task-scoped volumes of tasks not wanted.
 */
export const reapOrphans = async (
  ctx: ReapContext,
  containers: readonly OwnedContainer[],
  wantedTaskArns: ReadonlySet<string>,
): Promise<void> => {
  if (containers.length > 0) ctx.log('removing orphaned containers', { count: containers.length });
  await Promise.all(containers.filter((c) => !isPause(c)).map((c) => reapContainer(ctx, c)));
  await Promise.all(containers.filter(isPause).map((c) => reapContainer(ctx, c)));
  try {
    const volumes = await ctx.runtime.listOwnedVolumes(ctx.owner);
    for (const v of volumes) {
      const taskArn = v.labels[LABELS.taskArn];
      if (taskArn !== undefined && !wantedTaskArns.has(taskArn))
        await ctx.runtime.removeVolume(ctx.owner, v.name);
    }
  } catch (error) {
    ctx.log('could not remove orphaned volumes', { error: String(error) });
  }
};
