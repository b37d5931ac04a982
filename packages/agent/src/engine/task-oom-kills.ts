/**
 * OOM kills by the task-wide memory limit. Docker's OOMKilled flag comes from the OOM events it
 * watches on the container's own cgroup; as a second source, a container that stops by SIGKILL
 * for no known reason is reported as OutOfMemoryError when the task cgroup's OOM-kill counter
 * rose past the kills already attributed (cgroup v2 only: see TaskCgroups.oomKills).
 */
import { OOM_REASON } from './observe-container.js';
import type { ManagedContainer, TaskState } from './task-state.js';

/** 128 + SIGKILL. */
const SIGKILL_EXIT_CODE = 137;

export const liveContainers = (task: TaskState): ReadonlySet<ManagedContainer> =>
  new Set(task.containers.filter((c) => c.known !== 'STOPPED'));

/** Of the containers that were live, those that have since been SIGKILLed for no known reason. */
const unexplainedKills = (task: TaskState, wereLive: ReadonlySet<ManagedContainer>): ManagedContainer[] =>
  task.containers.filter(
    (c) =>
      wereLive.has(c) &&
      !c.internal &&
      c.known === 'STOPPED' &&
      c.exitCode === SIGKILL_EXIT_CODE &&
      c.reason === undefined,
  );

/** `readOomKills`: the task cgroup's OOM-kill counter, undefined when unknown. */
export const attributeOomKills = async (
  task: TaskState,
  wereLive: ReadonlySet<ManagedContainer>,
  readOomKills: () => Promise<number | undefined>,
): Promise<void> => {
  if (task.cgroupParent === undefined) return;
  const suspects = unexplainedKills(task, wereLive);
  if (suspects.length === 0) return;
  const kills = await readOomKills();
  if (kills === undefined || kills <= task.oomKillsSeen) return;
  task.oomKillsSeen = kills;
  for (const c of suspects) c.reason = OOM_REASON;
};
