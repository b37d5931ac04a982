/**
 * Which tasks a rolling step stops, within the floor. A PENDING candidate may always be stopped. A
 * RUNNING one is stopped only while RUNNING tasks stay at or above the floor (`runningBudget` =
 * running − floor), so a rollout never takes running tasks below the floor even before they count
 * as healthy; a healthy one also needs the healthy budget (healthy − floor). Candidates are taken in `stopPreference` order:
 *   PENDING, then RUNNING-but-not-healthy, then healthy;
 *   then tasks of older deployments first (a deployment no longer listed counts as oldest);
 *   then the newest task first; then by ARN, so the choice is deterministic.
 */
import type { LiveTask } from './classify-tasks.js';
import type { TaskStop } from './service-types.js';

export interface StopCandidate {
  readonly live: LiveTask;
  readonly reason: string;
}

const healthRank = (live: LiveTask): number => (live.healthy ? 2 : live.running ? 1 : 0);

export const stopPreference =
  (deploymentCreatedAt: ReadonlyMap<string, number>) =>
  (a: LiveTask, b: LiveTask): number => {
    const age = (live: LiveTask): number =>
      deploymentCreatedAt.get(live.task.deploymentId) ?? Number.NEGATIVE_INFINITY;
    return (
      healthRank(a) - healthRank(b) ||
      (age(a) === age(b) ? 0 : age(a) < age(b) ? -1 : 1) ||
      b.task.createdAt - a.task.createdAt ||
      (a.task.taskArn < b.task.taskArn ? -1 : a.task.taskArn > b.task.taskArn ? 1 : 0)
    );
  };

export interface StopBudget {
  /** healthy − floor */
  readonly healthy: number;
  /** running − floor */
  readonly running: number;
}

export interface TakenStops {
  readonly stops: readonly TaskStop[];
  readonly budgetLeft: StopBudget;
}

/** Takes up to `limit` candidates, in the order given, within the budget. */
export const takeStops = (
  candidates: readonly StopCandidate[],
  budget: StopBudget,
  limit: number,
): TakenStops => {
  const stops: TaskStop[] = [];
  let healthy = budget.healthy;
  let running = budget.running;
  for (const { live, reason } of candidates) {
    if (stops.length >= limit) break;
    if (live.running && running <= 0) continue;
    if (live.healthy && healthy <= 0) continue;
    if (live.running) running -= 1;
    if (live.healthy) healthy -= 1;
    stops.push({ taskArn: live.task.taskArn, reason });
  }
  return { stops, budgetLeft: { healthy, running } };
};
