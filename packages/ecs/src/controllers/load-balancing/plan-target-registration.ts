/**
 * What a service's load balancer targets should be, from its tasks (pure):
 * - a RUNNING task desired RUNNING is registered in every target group of the service's
 *   `loadBalancers` entries: awsvpc tasks by their IP and the container port, bridge and host tasks
 *   by their container instance's id and the host port bound to that container port;
 * - a task desired STOPPED keeps its targets while it is DEACTIVATING: they are deregistered (they
 *   drain), and released (the agent may stop the task) once each is gone from its group or the
 *   group's deregistration delay has passed since the stop; targets already draining or gone are
 *   not deregistered again;
 * - a task that stopped by itself (STOPPING or later) has its targets deregistered and released at once;
 * - targets of load balancer entries the service no longer has are deregistered;
 * - with an advancedConfiguration, a task goes into the entry's alternate target group when its
 *   deployment is on the alternate side (target-group-sides.ts).
 * ECS posts `registered N targets` and `deregistered N targets` per target group.
 */
import type { LoadBalancer } from '@berth/wire/ecs';

import type { LoadBalancerTargetMark, TaskRecord } from '../../services/records.js';
import type {
  LoadBalancerTarget,
  LoadBalancerTargetHealth,
  TargetGroupFacts,
} from '../../services/load-balancing/load-balancing.js';
import { targetGroupFor } from '../../services/load-balancing/target-group-sides.js';

export interface RegistrationInput {
  /** Epoch seconds. */
  readonly now: number;
  readonly serviceName: string;
  readonly loadBalancers: readonly LoadBalancer[];
  readonly targetGroups: ReadonlyMap<string, TargetGroupFacts>;
  readonly tasks: readonly TaskRecord[];
  /** The deployments (by id) whose tasks go into the alternate target groups. */
  readonly alternateDeployments: ReadonlySet<string>;
  /** The ec2InstanceId of a container instance, by its ARN. */
  readonly instanceIdOf: (containerInstanceArn: string) => string | undefined;
  readonly healthOf: (mark: LoadBalancerTargetMark) => LoadBalancerTargetHealth;
}

export interface RegistrationPlan {
  readonly register: ReadonlyMap<string, readonly LoadBalancerTarget[]>;
  readonly deregister: ReadonlyMap<string, readonly LoadBalancerTarget[]>;
  /** Tasks whose recorded targets change: the new list (empty: released). */
  readonly marks: ReadonlyMap<string, readonly LoadBalancerTargetMark[]>;
  readonly events: readonly string[];
}

const markKey = (m: LoadBalancerTargetMark): string => `${m.targetGroupArn}|${m.id}|${m.port}`;

/** The targets a RUNNING task should have; undefined while its address or ports are not known yet. */
const wantedMarks = (task: TaskRecord, input: RegistrationInput): LoadBalancerTargetMark[] | undefined => {
  const marks: LoadBalancerTargetMark[] = [];
  const alternate = input.alternateDeployments.has(task.task.startedBy ?? '');
  for (const lb of input.loadBalancers) {
    const arn = targetGroupFor(lb, alternate);
    const group = arn ? input.targetGroups.get(arn) : undefined;
    if (!group || lb.containerName === undefined || lb.containerPort === undefined) continue;
    const common = {
      targetGroupArn: group.targetGroupArn,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    };
    if (group.targetType === 'ip') {
      if (task.address === undefined) return undefined;
      marks.push({ ...common, id: task.address, port: lb.containerPort });
      continue;
    }
    const instanceId = input.instanceIdOf(task.task.containerInstanceArn ?? '');
    const container = task.task.containers?.find((c) => c.name === lb.containerName);
    const binding = container?.networkBindings?.find((b) => b.containerPort === lb.containerPort);
    if (instanceId === undefined || binding?.hostPort === undefined) return undefined;
    marks.push({ ...common, id: instanceId, port: binding.hostPort });
  }
  return marks;
};

const released = (mark: LoadBalancerTargetMark, stoppingAt: number, input: RegistrationInput): boolean => {
  const delay = input.targetGroups.get(mark.targetGroupArn)?.deregistrationDelaySeconds ?? 0;
  const state = input.healthOf(mark).state;
  return state === 'unused' || input.now >= stoppingAt + delay;
};

const add = (into: Map<string, LoadBalancerTarget[]>, mark: LoadBalancerTargetMark): void => {
  const list = into.get(mark.targetGroupArn) ?? [];
  list.push({ id: mark.id, port: mark.port });
  into.set(mark.targetGroupArn, list);
};

export const planTargetRegistration = (input: RegistrationInput): RegistrationPlan => {
  const register = new Map<string, LoadBalancerTarget[]>();
  const deregister = new Map<string, LoadBalancerTarget[]>();
  const marks = new Map<string, readonly LoadBalancerTargetMark[]>();
  const newlyDeregistered = new Map<string, number>();
  for (const task of input.tasks) {
    const taskArn = task.task.taskArn ?? '';
    const current = task.loadBalancerTargets ?? [];
    if (task.task.desiredStatus !== 'STOPPED') {
      if (task.task.lastStatus !== 'RUNNING') continue;
      const wanted = wantedMarks(task, input);
      if (wanted === undefined) continue;
      const have = new Set(current.map(markKey));
      const want = new Set(wanted.map(markKey));
      const fresh = wanted.filter((m) => !have.has(markKey(m)));
      // Targets of load balancer entries the service no longer has (UpdateService changed them).
      const stale = current.filter((m) => !want.has(markKey(m)));
      for (const mark of fresh) add(register, mark);
      for (const mark of stale) if (input.healthOf(mark).state !== 'unused') add(deregister, mark);
      if (fresh.length > 0 || stale.length > 0) marks.set(taskArn, wanted);
      continue;
    }
    if (current.length === 0) continue;
    // Only targets still taking traffic are deregistered: draining ones are on their way out,
    // and unused ones are gone (ELBv2 refuses to deregister what is not registered).
    for (const mark of current) {
      const state = input.healthOf(mark).state;
      if (state === 'draining' || state === 'unused') continue;
      add(deregister, mark);
      newlyDeregistered.set(mark.targetGroupArn, (newlyDeregistered.get(mark.targetGroupArn) ?? 0) + 1);
    }
    const selfStopped = task.task.lastStatus !== 'DEACTIVATING' && task.task.lastStatus !== 'RUNNING';
    const stoppingAt = task.task.stoppingAt ?? input.now;
    if (selfStopped || current.every((m) => released(m, stoppingAt, input))) marks.set(taskArn, []);
  }
  const events: string[] = [];
  for (const [group, targets] of register)
    events.push(
      `(service ${input.serviceName}) registered ${targets.length} targets in (target-group ${group})`,
    );
  for (const [group, count] of newlyDeregistered)
    events.push(`(service ${input.serviceName}) deregistered ${count} targets in (target-group ${group})`);
  return { register, deregister, marks, events };
};
