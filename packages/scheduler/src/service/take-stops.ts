/**
 * Which tasks a rolling step stops, within the floor [M DeploymentConfiguration; ECS-REFERENCE §2].
 * The floor counts the tasks that serve:
 * - a task of the PRIMARY deployment serves once it is healthy (HEALTHY, or RUNNING for
 *   healthyAfterSeconds without a health check);
 * - a RUNNING task of a deployment being replaced was serving before the rollout began, so it
 *   serves from the moment it runs — unless its deployment FAILED (the circuit breaker said its tasks
 *   do not work): then it too serves only once healthy.
 * A task that serves is stopped only while the serving count stays at or above the floor without it
 * (the budget is serving − floor); one that does not serve (PENDING, or not yet healthy) may always be
 * stopped. So a rollout never trades a serving old task for a new one that has not proved itself,
 * whatever their ages, and never lets healthy tasks fall below the floor.
 *
 * Candidates are taken in order: PENDING, then RUNNING but not serving, then serving but not yet
 * healthy, then healthy; then tasks of older deployments first (a deployment no longer listed counts
 * as oldest); then the newest task first; then by ARN, so the choice is deterministic.
 *
 * Task scale-in protection [G task-scale-in-protection]: a protected task is never taken for
 * scale-in or for a deployment's replacement; it is passed over (counted in `protectedHeld`) and
 * keeps serving, so it still counts toward the floor, until its protection is removed or expires.
 * A candidate marked `ignoresProtection` (replacement off a DRAINING instance: neither scale-in
 * nor a deployment) is taken whether protected or not.
 */
import type { LiveTask } from './classify-tasks.js';
import type { DeploymentState, TaskStop } from './service-types.js';

export interface StopCandidate {
  readonly live: LiveTask;
  readonly reason: string;
  readonly ignoresProtection?: boolean;
}

export interface TakenStops {
  readonly stops: readonly TaskStop[];
  readonly budgetLeft: number;
  /** Candidates passed over because they are protected. */
  readonly protectedHeld: number;
}

export interface StopRules {
  readonly isServing: (live: LiveTask) => boolean;
  /** serving − floor, never below 0: how many serving tasks a step may stop. */
  readonly budget: (live: readonly LiveTask[], floor: number) => number;
  /** The stop preference: the task to stop first sorts first. */
  readonly order: (a: LiveTask, b: LiveTask) => number;
  /** Up to `limit` candidates, in the order given, spending `budget` on serving ones. */
  readonly take: (candidates: readonly StopCandidate[], budget: number, limit: number) => TakenStops;
}

export const stopRules = (primaryId: string, deployments: readonly DeploymentState[]): StopRules => {
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const isServing = (live: LiveTask): boolean => {
    if (live.healthy) return true;
    if (!live.running || live.task.deploymentId === primaryId) return false;
    return byId.get(live.task.deploymentId)?.rolloutState !== 'FAILED';
  };
  const rank = (live: LiveTask): number => (live.healthy ? 3 : isServing(live) ? 2 : live.running ? 1 : 0);
  const age = (live: LiveTask): number =>
    byId.get(live.task.deploymentId)?.createdAt ?? Number.NEGATIVE_INFINITY;
  const order = (a: LiveTask, b: LiveTask): number =>
    rank(a) - rank(b) ||
    (age(a) === age(b) ? 0 : age(a) < age(b) ? -1 : 1) ||
    b.task.createdAt - a.task.createdAt ||
    (a.task.taskArn < b.task.taskArn ? -1 : a.task.taskArn > b.task.taskArn ? 1 : 0);
  const take = (candidates: readonly StopCandidate[], budget: number, limit: number): TakenStops => {
    const stops: TaskStop[] = [];
    let left = budget;
    let protectedHeld = 0;
    for (const { live, reason, ignoresProtection } of candidates) {
      if (stops.length >= limit) break;
      if (live.protected && ignoresProtection !== true) {
        protectedHeld += 1;
        continue;
      }
      const serving = isServing(live);
      if (serving && left <= 0) continue;
      if (serving) left -= 1;
      stops.push({ taskArn: live.task.taskArn, reason });
    }
    // Held back: the protected ones that a stop was still wanted for.
    return { stops, budgetLeft: left, protectedHeld: Math.min(protectedHeld, limit - stops.length) };
  };
  return {
    isServing,
    budget: (live, floor) => Math.max(0, live.filter(isServing).length - floor),
    order,
    take,
  };
};
