/**
 * The task-set scheduler: one pure, level-triggered step from a snapshot of an EXTERNAL service's
 * task sets and tasks to a plan. Each task set is kept at its computedDesiredCount independently
 * (see task-set-step.ts); the external deployment controller moves traffic and scale between them.
 *
 *   classify tasks ─▶ per task set: launch, scale in, replace ─▶ events, drained
 *   (lost, unhealthy,   draining ones, stability; DRAINING
 *    draining PENDING)  task sets stop everything
 *
 * Tasks whose `startedBy` names no listed task set (left from a task set already removed) are
 * stopped. Events, oldest first: health-check failures, `(service S, taskSet X) has stopped N
 * running tasks`, throttled launches, then `(service S) has reached a steady state.` when every
 * task set is STEADY_STATE (the caller suppresses repeats).
 * Determinism: the plan depends on the snapshot alone (the seed included).
 */
import { classifyTasks, type LiveTask } from '../service/classify-tasks.js';
import {
  DEFAULT_HEALTHY_AFTER_SECONDS,
  DEFAULT_LAUNCH_BACKOFF_SECONDS,
  DEFAULT_LOST_AGENT_TIMEOUT_SECONDS,
  type ReconcileSettings,
} from '../service/reconcile-settings.js';
import { serviceEvents } from '../service/service-events.js';
import { serviceReasons } from '../service/service-reasons.js';
import type { TaskLaunch, TaskStop } from '../service/service-types.js';

import { taskSetStep } from './task-set-step.js';
import type { TaskSetState, TaskSetsPlan, TaskSetsSnapshot } from './task-set-types.js';

/** (impl) A live task whose task set is no longer listed. */
export const TASK_SET_GONE_REASON = 'Task set deleted';

const settingsOf = (snapshot: TaskSetsSnapshot): ReconcileSettings => ({
  now: snapshot.now,
  serviceName: snapshot.serviceName,
  healthyAfterSeconds: snapshot.healthyAfterSeconds ?? DEFAULT_HEALTHY_AFTER_SECONDS,
  lostAgentTimeoutSeconds: snapshot.lostAgentTimeoutSeconds ?? DEFAULT_LOST_AGENT_TIMEOUT_SECONDS,
  launchBackoffSeconds: snapshot.launchBackoffSeconds ?? DEFAULT_LAUNCH_BACKOFF_SECONDS,
  healthCheckGracePeriodSeconds: snapshot.healthCheckGracePeriodSeconds,
});

const byTaskSet = <T>(items: readonly T[], idOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = idOf(item);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
};

/** The event subject of a task set: `(service S, taskSet ecs-svc/X)`. */
const subject = (serviceName: string, taskSetId: string): string => `${serviceName}, taskSet ${taskSetId}`;

export const reconcileTaskSets = (snapshot: TaskSetsSnapshot): TaskSetsPlan => {
  const settings = settingsOf(snapshot);
  const classified = classifyTasks(snapshot.tasks, settings);
  const known = new Set(snapshot.taskSets.map((s) => s.id));
  const deploymentOf = new Map(snapshot.tasks.map((t) => [t.taskArn, t.deploymentId]));
  const liveBySet = byTaskSet(classified.live, (t: LiveTask) => t.task.deploymentId);
  const tasksBySet = byTaskSet(snapshot.tasks, (t) => t.deploymentId);
  const classifiedBySet = byTaskSet(classified.stops, (s) => deploymentOf.get(s.taskArn) ?? '');
  const running = new Set(snapshot.tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskArn));

  const launches: TaskLaunch[] = [];
  const stops: TaskStop[] = [...classified.stops];
  const events: string[] = [...classified.events];
  const kept: TaskSetState[] = [];
  const removed: string[] = [];
  let withheld = 0;
  for (const taskSet of snapshot.taskSets) {
    const own = classifiedBySet.get(taskSet.id) ?? [];
    const step = taskSetStep({
      taskSet,
      live: liveBySet.get(taskSet.id) ?? [],
      tasks: tasksBySet.get(taskSet.id) ?? [],
      classifiedStops: own.length,
      drainReason:
        snapshot.serviceStatus === 'DRAINING'
          ? serviceReasons.serviceDeleted
          : taskSet.status === 'DRAINING'
            ? serviceReasons.scaling(taskSet.id)
            : undefined,
      instances: snapshot.instances,
      strategies: snapshot.strategies,
      seed: snapshot.seed,
      settings,
    });
    launches.push(...step.launches);
    stops.push(...step.stops);
    withheld += step.withheld;
    if (step.removed) removed.push(taskSet.id);
    else kept.push(step.taskSet);
    const stoppedRunning = [...own, ...step.stops].map((s) => s.taskArn).filter((arn) => running.has(arn));
    if (stoppedRunning.length > 0)
      events.push(
        serviceEvents.stoppedRunningTasks(subject(snapshot.serviceName, taskSet.id), stoppedRunning),
      );
  }
  const orphans = classified.live.filter((t) => !known.has(t.task.deploymentId));
  stops.push(...orphans.map((t) => ({ taskArn: t.task.taskArn, reason: TASK_SET_GONE_REASON })));
  const orphansRunning = orphans.filter((t) => t.running).map((t) => t.task.taskArn);
  if (orphansRunning.length > 0)
    events.push(serviceEvents.stoppedRunningTasks(snapshot.serviceName, orphansRunning));
  if (withheld > 0) events.push(serviceEvents.launchesThrottled(snapshot.serviceName));
  const steady =
    snapshot.serviceStatus === 'ACTIVE' &&
    kept.length > 0 &&
    kept.every((s) => s.status !== 'DRAINING' && s.stabilityStatus === 'STEADY_STATE');
  if (steady) events.push(serviceEvents.steadyState(snapshot.serviceName));
  const stopped = new Set(stops.map((s) => s.taskArn));
  const liveAfter = classified.live.some((t) => !stopped.has(t.task.taskArn)) || launches.length > 0;
  return {
    launches,
    stops,
    taskSets: kept,
    removed,
    events,
    drained: snapshot.serviceStatus === 'DRAINING' && kept.length === 0 && !liveAfter,
  };
};
