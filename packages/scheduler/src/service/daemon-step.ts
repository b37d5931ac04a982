/**
 * One step of a DAEMON service [ECS-REFERENCE §2]: one task of the PRIMARY deployment on every
 * eligible instance (`daemonInstances`: ACTIVE, connected, meeting the constraints).
 * - A live task on an instance that is no longer eligible is stopped at once: DRAINING or gone, or
 *   ACTIVE with a connected agent that no longer meets the constraints. A task whose agent is only
 *   briefly disconnected is left alone (the lost-agent rule takes it once the timeout passes).
 *   (impl) ECS stops daemon tasks on a draining instance after the replica tasks there; the
 *   scheduler sees one service only, so it stops them straight away.
 * - An eligible instance with no live task gets a launch naming it.
 * - On an eligible instance already served by a PRIMARY task, every other task is an extra; on one
 *   served only by older deployments' tasks, those are replaced. Deployment: stop the old task first
 *   (maximumPercent is 100, one task per instance), within the floor from minimumHealthyPercent
 *   (default 0); the new task starts on the next step, once the instance is free.
 * Stuck as for REPLICA: old tasks remain but the floor lets none stop (minimumHealthyPercent 100).
 * Task scale-in protection holds back the deployment's replacements and extras (take-stops.ts), not
 * the stops of tasks on instances that are no longer eligible.
 */
import type { LiveTask } from './classify-tasks.js';
import type { RollingStep, RollingStepInput } from './rolling-step.js';
import { serviceReasons } from './service-reasons.js';
import { stopRules } from './take-stops.js';
import type { StopCandidate } from './take-stops.js';
import type { TaskLaunch, TaskStop } from './service-types.js';

const forcedReason = (live: LiveTask, eligible: ReadonlySet<string>, scaling: string): string | undefined => {
  if (eligible.has(live.task.instanceArn)) return undefined;
  if (live.task.instanceStatus === 'DRAINING') return serviceReasons.instanceDraining;
  if (live.task.instanceStatus !== 'ACTIVE') return serviceReasons.instanceDeregistered;
  return live.task.agentConnected ? scaling : undefined;
};

export const daemonStep = (
  input: RollingStepInput & { readonly instances: readonly string[] },
): RollingStep => {
  const { live, primary, desired, bounds, launchMode, instances } = input;
  const eligible = new Set(instances);
  const scaling = serviceReasons.scaling(primary.id);
  const forced: TaskStop[] = [];
  const remaining: LiveTask[] = [];
  for (const t of live) {
    const reason = forcedReason(t, eligible, scaling);
    if (reason === undefined) remaining.push(t);
    else forced.push({ taskArn: t.task.taskArn, reason });
  }
  if (launchMode === 'failed')
    return { launches: [], stops: forced, withheld: 0, stuck: false, protectedHeld: 0 };

  const rules = stopRules(primary.id, input.deployments);
  const order = rules.order;
  const keeperFirst = (a: LiveTask, b: LiveTask): number =>
    Number(b.task.deploymentId === primary.id) - Number(a.task.deploymentId === primary.id) || order(b, a);
  const candidates: StopCandidate[] = [];
  const empty: string[] = [];
  const byInstance = new Map<string, LiveTask[]>();
  for (const t of remaining)
    byInstance.set(t.task.instanceArn, [...(byInstance.get(t.task.instanceArn) ?? []), t]);
  for (const instanceArn of eligible) {
    const here = (byInstance.get(instanceArn) ?? []).sort(keeperFirst);
    const keeper = here[0];
    if (keeper === undefined) empty.push(instanceArn);
    const extras = keeper?.task.deploymentId === primary.id ? here.slice(1) : here;
    candidates.push(...extras.map((t) => ({ live: t, reason: scaling })));
  }
  candidates.sort((a, b) => order(a.live, b.live));
  const rolling = rules.take(candidates, rules.budget(remaining, bounds.floor), Number.POSITIVE_INFINITY);
  const launches: TaskLaunch[] =
    launchMode === 'allowed'
      ? empty.map((instanceArn) => ({ deploymentId: primary.id, count: 1, instanceArn }))
      : [];
  const stuck =
    desired > 0 &&
    launchMode === 'allowed' &&
    launches.length === 0 &&
    rolling.stops.length === 0 &&
    rolling.protectedHeld === 0 &&
    candidates.length > 0 &&
    remaining.length <= bounds.floor;
  return {
    launches,
    stops: [...forced, ...rolling.stops],
    withheld: launchMode === 'throttled' ? empty.length : 0,
    stuck,
    protectedHeld: rolling.protectedHeld,
  };
};
