/**
 * Which of a task set's tasks go first when it has more than it wants [G ecs_services.md,
 * task-placement-strategies.md; ECS-REFERENCE §2]: PENDING tasks first, newest first (they serve
 * nothing yet), then the RUNNING ones in the placement strategies' scale-in order (`rankForStop`:
 * with ECS's default for services, the most crowded availability zone first, then the most crowded
 * instance, at random inside it), so the tasks left stay balanced.
 */
import type { PlacementStrategy } from '@berth/wire/ecs';

import type { PlacementInstance } from '../placement/placement-types.js';
import { rankForStop } from '../placement/rank-for-stop.js';
import type { LiveTask } from '../service/classify-tasks.js';

const newestFirst = (a: LiveTask, b: LiveTask): number =>
  b.task.createdAt - a.task.createdAt ||
  (a.task.taskArn < b.task.taskArn ? -1 : a.task.taskArn > b.task.taskArn ? 1 : 0);

export const scaleInOrder = (
  live: readonly LiveTask[],
  instances: readonly PlacementInstance[],
  strategies: readonly PlacementStrategy[],
  seed: string,
): LiveTask[] => {
  const pending = live.filter((t) => !t.running).sort(newestFirst);
  const running = live
    .filter((t) => t.running)
    .sort(newestFirst)
    .map((t) => ({ taskArn: t.task.taskArn, instanceArn: t.task.instanceArn, live: t }));
  return [...pending, ...rankForStop(running, instances, strategies, seed).map((c) => c.live)];
};
