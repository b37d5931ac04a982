/**
 * One pure step of the daemon scheduler for one daemon [M CreateDaemon, UpdateDaemon, DeleteDaemon;
 * G managed-daemons]: exactly one daemon task on every ACTIVE, connected container instance of the
 * daemon's capacity providers. Same snapshot ⇒ same plan.
 *
 * 1. A daemon task stopped by anything but this scheduler (its container exited, it failed to
 *    start, StopTask) drains its instance — "if a daemon task stops, Amazon ECS automatically drains
 *    and replaces that container instance" [M CreateDaemon]. Berth cannot replace hosts: the
 *    instance stays DRAINING until someone sets it ACTIVE again. Each such stop is handled once
 *    (the plan lists it in `handledStops`) and counts as a failure of a rollout of its revision.
 * 2. DeleteDaemon: every daemon task is stopped; the deployment finishes once they all stopped
 *    (tasks on instances that are gone or whose agent is away count as stopped).
 * 3. Otherwise, per instance: tasks on instances that are gone or outside the revision's capacity
 *    providers are stopped; on a DRAINING instance the daemon task stops last, once no other task
 *    is left there ("drain last", [G managed-daemons]); of several tasks on one instance one is
 *    kept. An eligible instance without a daemon task gets one of the deployed revision at once
 *    (a newly registered instance: "Amazon ECS automatically starts daemon tasks").
 * 4. Rollout: AWS drains a batch of instances and provisions replacements with the new revision.
 *    Berth cannot create hosts, so it replaces the daemon *task* on a batch of drainPercent of the
 *    instances at a time (stop the old task; the new one starts once it stopped), waits until the
 *    batch runs the new revision, then bakeTimeInMinutes, then the next batch. The deployment is
 *    SUCCESSFUL after the bake time of the last batch.
 */
import {
  advanceRollout,
  completeRollout,
  effectiveRevision,
  isRollingOut,
  stepSize,
} from './daemon-rollout.js';
import type {
  DaemonInstance,
  DaemonLaunch,
  DaemonPlan,
  DaemonRollout,
  DaemonSnapshot,
  DaemonStop,
  DaemonTask,
} from './daemon-types.js';

const isLive = (t: DaemonTask): boolean => t.desiredStatus === 'RUNNING';
const isStopping = (t: DaemonTask): boolean => t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED';

interface SelfStops {
  readonly drains: { instanceArn: string; taskArn: string }[];
  readonly handled: string[];
  readonly failures: number;
}

const handleSelfStops = (s: DaemonSnapshot, instances: ReadonlyMap<string, DaemonInstance>): SelfStops => {
  const revision = effectiveRevision(s.rollout);
  const out = { drains: [] as SelfStops['drains'], handled: [] as string[] };
  let failures = 0;
  for (const t of s.tasks) {
    if (t.desiredStatus !== 'STOPPED' || t.stoppedByScheduler || t.stopHandled) continue;
    out.handled.push(t.taskArn);
    const instance = instances.get(t.instanceArn);
    if (
      !s.deleting &&
      instance?.status === 'ACTIVE' &&
      !out.drains.some((d) => d.instanceArn === t.instanceArn)
    )
      out.drains.push({ instanceArn: t.instanceArn, taskArn: t.taskArn });
    if (isRollingOut(s.rollout) && t.revision === revision) failures += 1;
  }
  return { ...out, failures };
};

/** Keeper first: the deployed revision, then RUNNING, then the oldest. */
const keeperOrder =
  (revision: string) =>
  (a: DaemonTask, b: DaemonTask): number =>
    Number(b.revision === revision) - Number(a.revision === revision) ||
    Number(b.lastStatus === 'RUNNING') - Number(a.lastStatus === 'RUNNING') ||
    a.createdAt - b.createdAt ||
    a.taskArn.localeCompare(b.taskArn);

const byInstance = (tasks: readonly DaemonTask[]): Map<string, DaemonTask[]> => {
  const out = new Map<string, DaemonTask[]>();
  for (const t of tasks) out.set(t.instanceArn, [...(out.get(t.instanceArn) ?? []), t]);
  return out;
};

const planDeletion = (
  s: DaemonSnapshot,
  instances: ReadonlyMap<string, DaemonInstance>,
  self: SelfStops,
): DaemonPlan => {
  const stops: DaemonStop[] = s.tasks.filter(isLive).map((t) => ({ taskArn: t.taskArn, kind: 'delete' }));
  const finished = s.tasks.every((t) => {
    const instance = instances.get(t.instanceArn);
    return t.lastStatus === 'STOPPED' || !instance || instance.status === 'INACTIVE' || !instance.connected;
  });
  let rollout = advanceRollout(s.rollout, 0, s.now);
  if (finished) rollout = completeRollout(rollout, s.now);
  return { launches: [], stops, drains: [], handledStops: self.handled, rollout, finished };
};

/** The tasks an instance keeps (at most one) and the stops that leaves; undefined keeper: none. */
const settleInstance = (
  here: readonly DaemonTask[],
  instance: DaemonInstance | undefined,
  inScope: boolean,
  revision: string,
): { keeper?: DaemonTask; stops: DaemonStop[] } => {
  const stop = (tasks: readonly DaemonTask[], kind: DaemonStop['kind']): DaemonStop[] =>
    tasks.map((t) => ({ taskArn: t.taskArn, kind }));
  if (!instance || instance.status === 'INACTIVE') return { stops: stop(here, 'instance-gone') };
  if (!inScope) return { stops: stop(here, 'scope') };
  if (instance.status !== 'ACTIVE') {
    return instance.otherLiveTasks === 0 ? { stops: stop(here, 'draining') } : { stops: [] };
  }
  const [keeper, ...extras] = [...here].sort(keeperOrder(revision));
  return keeper ? { keeper, stops: stop(extras, 'duplicate') } : { stops: [] };
};

export const planDaemon = (s: DaemonSnapshot): DaemonPlan => {
  const instances = new Map(s.instances.map((i) => [i.arn, i]));
  const self = handleSelfStops(s, instances);
  if (s.deleting) return planDeletion(s, instances, self);
  let rollout: DaemonRollout = advanceRollout(s.rollout, self.failures, s.now);
  const revision = effectiveRevision(rollout) ?? '';
  const scope = new Set(s.scopes[revision] ?? []);
  const drained = new Set(self.drains.map((d) => d.instanceArn));
  const live = byInstance(s.tasks.filter(isLive));
  const stopping = new Set(s.tasks.filter(isStopping).map((t) => t.instanceArn));
  const stops: DaemonStop[] = [];
  const launches: DaemonLaunch[] = [];
  const outdated: DaemonTask[] = [];
  let starting = 0;
  let eligible = 0;
  for (const [arn, here] of live) {
    const instance = instances.get(arn);
    if (instance?.status === 'ACTIVE' && instance.connected && scope.has(arn) && !drained.has(arn)) continue;
    stops.push(...settleInstance(here, instance, scope.has(arn), revision).stops);
  }
  for (const instance of s.instances) {
    if (instance.status !== 'ACTIVE' || !instance.connected || !scope.has(instance.arn)) continue;
    if (drained.has(instance.arn)) continue;
    eligible += 1;
    const { keeper, stops: extra } = settleInstance(live.get(instance.arn) ?? [], instance, true, revision);
    stops.push(...extra);
    if (!keeper) {
      starting += 1;
      if (!stopping.has(instance.arn)) launches.push({ instanceArn: instance.arn, revision });
    } else if (keeper.revision !== revision) outdated.push(keeper);
    else if (keeper.lastStatus !== 'RUNNING') starting += 1;
  }
  if (rollout.stepInFlight && starting === 0) {
    rollout = { ...rollout, stepInFlight: false, bakeUntil: s.now + rollout.bakeTimeInMinutes * 60 };
  }
  const baking = rollout.bakeUntil !== undefined && s.now < rollout.bakeUntil;
  const replacing = rollout.status !== 'STOPPED' && rollout.status !== 'ROLLBACK_FAILED';
  if (replacing && !rollout.stepInFlight && !baking && starting === 0 && outdated.length > 0) {
    const batch = outdated.slice(0, stepSize(eligible, rollout.drainPercent));
    stops.push(...batch.map((t) => ({ taskArn: t.taskArn, kind: 'rollout' as const })));
    rollout = { ...rollout, stepInFlight: true };
  }
  if (isRollingOut(rollout) && outdated.length === 0 && starting === 0 && !rollout.stepInFlight && !baking) {
    rollout = completeRollout(rollout, s.now);
  }
  return { launches, stops, drains: self.drains, handledStops: self.handled, rollout, finished: false };
};
