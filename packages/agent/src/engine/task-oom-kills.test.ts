import { describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { OOM_REASON } from './observe-container.js';
import { attributeOomKills, liveContainers } from './task-oom-kills.js';
import { createTaskState, type TaskState } from './task-state.js';

const IMAGE = 'img';

/** A running two-container task under a task cgroup. */
const runningTask = (): TaskState => {
  const task = createTaskState(
    aTask(
      [
        { name: 'a', image: IMAGE },
        { name: 'b', image: IMAGE },
      ],
      { memory: 64 },
    ),
  );
  task.cgroupParent = '/berth/t';
  for (const c of task.containers) c.known = 'RUNNING';
  return task;
};

const stop = (task: TaskState, name: string, exitCode: number): void => {
  const c = task.containers.find((x) => x.name === name);
  if (!c) throw new Error(name);
  c.known = 'STOPPED';
  c.exitCode = exitCode;
};

const reasons = (task: TaskState): (string | undefined)[] => task.containers.map((c) => c.reason);

describe('attributeOomKills', () => {
  it('explains a SIGKILL by a rise of the task cgroup OOM-kill counter, once per kill', async () => {
    const task = runningTask();
    let live = liveContainers(task);
    stop(task, 'a', 137);
    await attributeOomKills(task, live, () => Promise.resolve(1));
    expect(reasons(task)).toEqual([OOM_REASON, undefined]);

    live = liveContainers(task);
    stop(task, 'b', 137);
    await attributeOomKills(task, live, () => Promise.resolve(1));
    expect(reasons(task)).toEqual([OOM_REASON, undefined]);
  });

  it('reads nothing when no container was SIGKILLed, or the task has no cgroup', async () => {
    const read = (): Promise<number> => Promise.reject(new Error('must not read'));
    const task = runningTask();
    const live = liveContainers(task);
    stop(task, 'a', 143);
    await attributeOomKills(task, live, read);

    const uncontained = runningTask();
    uncontained.cgroupParent = undefined;
    const wereLive = liveContainers(uncontained);
    stop(uncontained, 'a', 137);
    await attributeOomKills(uncontained, wereLive, read);
    expect([...reasons(task), ...reasons(uncontained)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('leaves a SIGKILL unexplained when the counter is unknown or did not rise', async () => {
    const task = runningTask();
    const live = liveContainers(task);
    stop(task, 'a', 137);
    await attributeOomKills(task, live, () => Promise.resolve(undefined));
    await attributeOomKills(task, live, () => Promise.resolve(0));
    expect(reasons(task)).toEqual([undefined, undefined]);
  });
});
