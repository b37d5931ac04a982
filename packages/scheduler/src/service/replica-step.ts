/**
 * One rolling-update step of a REPLICA service [ECS-REFERENCE §2, §4]. Tasks to replace are the
 * live tasks of older deployments and RUNNING tasks on DRAINING instances; the PRIMARY's other
 * live tasks (healthy, starting or PENDING) are kept.
 *
 *   start = min(desired − kept, ceiling − (running + pending, every deployment)), ≥ 0
 *   stop  = tasks to replace — those that do not serve freely, serving ones while serving − floor
 *           allows (see take-stops.ts: old RUNNING tasks serve, PRIMARY tasks once healthy) —
 *           then, when kept > desired (scale-in), the PRIMARY's excess the same way.
 *
 * Both may happen in one step; `start` is computed before this step's stops take effect, so a
 * replacement never lands while the task it replaces still holds its resources (1/0/100: stop, then
 * start). Stops never take serving tasks below the floor, and starts never take running + pending
 * above the ceiling. A FAILED PRIMARY (no rollback) neither starts nor stops anything more, so what
 * still runs keeps running.
 *
 * Stuck: desired > 0, work remains, and even once every live task were healthy the bounds would
 * let nothing start (ceiling reached) nor stop (healthy ≤ floor), e.g. 2/75/100 or 3/100/125.
 * Protected tasks (take-stops.ts) are neither replaced nor scaled in until their protection ends:
 * the step reports how many it held back (not stuck: it moves on once protection expires). Tasks
 * on DRAINING instances are replaced regardless.
 */
import type { LiveTask } from './classify-tasks.js';
import { IDLE_STEP } from './rolling-step.js';
import type { RollingStep, RollingStepInput } from './rolling-step.js';
import { serviceReasons } from './service-reasons.js';
import { stopRules } from './take-stops.js';
import type { TaskLaunch } from './service-types.js';

export const replicaStep = (input: RollingStepInput): RollingStep => {
  const { live, primary, desired, bounds, launchMode } = input;
  if (launchMode === 'failed') return IDLE_STEP;
  const replaced = (t: LiveTask): boolean => t.task.deploymentId !== primary.id || t.draining;
  const rules = stopRules(primary.id, input.deployments);
  const order = rules.order;
  const toReplace = live.filter(replaced).sort(order);
  const kept = live.filter((t) => !replaced(t)).sort(order);
  const total = live.length;

  const wanted = Math.max(0, Math.min(desired - kept.length, bounds.ceiling - total));
  const start = launchMode === 'allowed' ? wanted : 0;
  const scaling = serviceReasons.scaling(primary.id);
  const replacing = rules.take(
    toReplace.map((t) => ({
      live: t,
      reason: t.draining ? serviceReasons.instanceDraining : scaling,
      ignoresProtection: t.draining,
    })),
    rules.budget(live, bounds.floor),
    Number.POSITIVE_INFINITY,
  );
  const scalingIn = rules.take(
    kept.map((t) => ({ live: t, reason: scaling })),
    replacing.budgetLeft,
    Math.max(0, kept.length - desired),
  );
  const stops = [...replacing.stops, ...scalingIn.stops];
  const launches: TaskLaunch[] = start > 0 ? [{ deploymentId: primary.id, count: start }] : [];
  const protectedHeld = replacing.protectedHeld + scalingIn.protectedHeld;
  const stuck =
    desired > 0 &&
    launchMode === 'allowed' &&
    start === 0 &&
    stops.length === 0 &&
    protectedHeld === 0 &&
    (toReplace.length > 0 || kept.length < desired) &&
    bounds.ceiling <= total &&
    total <= bounds.floor;
  return { launches, stops, withheld: wanted - start, stuck, protectedHeld };
};
