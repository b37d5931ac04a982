/**
 * Container ordering (ECS `dependencygraph/graph.go`): when a container may be created and
 * started, and when it may be stopped. Edges come from `dependsOn`, and implicitly from `links`
 * (START), `volumesFrom` (the source must exist: CREATE) and, for awsvpc, the pause container (START).
 *
 * A dependency's `startTimeout` (else the agent's containerStartTimeoutSeconds) bounds how long
 * after its start it may take to satisfy COMPLETE, SUCCESS or HEALTHY; past it, or when the
 * condition can no longer hold, the dependent can never start and the task fails.
 */
import type { ContainerCondition } from '@berth/wire/ecs';

import { containerNamed, type ManagedContainer, statusRank, type TaskState } from './task-state.js';

export type EdgeCondition = ContainerCondition | 'CREATE';

export interface DependencyEdge {
  readonly dependency: string;
  readonly condition: EdgeCondition;
}

export type Readiness =
  | { readonly kind: 'ready' }
  | { readonly kind: 'waiting'; readonly untilMs?: number }
  | { readonly kind: 'failed'; readonly reason: string };

const linkTarget = (link: string): string => link.split(':')[0] ?? link;

export const dependencyEdges = (task: TaskState, container: ManagedContainer): DependencyEdge[] => {
  if (container.internal) return [];
  const d = container.definition;
  const pause = task.containers
    .filter((c) => c.internal)
    .map((c) => ({ dependency: c.name, condition: 'START' as const }));
  return [
    ...pause,
    ...(d.dependsOn ?? []).map((dep) => ({ dependency: dep.containerName, condition: dep.condition })),
    ...(d.links ?? []).map((link) => ({ dependency: linkTarget(link), condition: 'START' as const })),
    ...(d.volumesFrom ?? []).map((v) => ({
      dependency: v.sourceContainer ?? '',
      condition: 'CREATE' as const,
    })),
  ];
};

const READY: Readiness = { kind: 'ready' };
const WAITING: Readiness = { kind: 'waiting' };

const failed = (target: ManagedContainer, edge: DependencyEdge, why: string): Readiness => ({
  kind: 'failed',
  reason: `Container dependency failed: '${target.name}' requires '${edge.dependency}' to ${edge.condition}, but it ${why}`,
});

/** Waiting on a COMPLETE/SUCCESS/HEALTHY condition, bounded by the dependency's start timeout. */
const timed = (
  target: ManagedContainer,
  dep: ManagedContainer,
  edge: DependencyEdge,
  nowMs: number,
  defaultS: number,
): Readiness => {
  if (dep.startedAtMs === undefined) return WAITING;
  const seconds = dep.definition.startTimeout ?? defaultS;
  const deadline = dep.startedAtMs + seconds * 1000;
  if (nowMs >= deadline) return failed(target, edge, `did not get there within ${seconds}s of starting`);
  return { kind: 'waiting', untilMs: deadline };
};

const stoppedWithoutRunning = (dep: ManagedContainer): boolean =>
  dep.known === 'STOPPED' && dep.startedAtMs === undefined;

const evaluate = (
  target: ManagedContainer,
  dep: ManagedContainer,
  edge: DependencyEdge,
  nowMs: number,
  defaultS: number,
): Readiness => {
  if (stoppedWithoutRunning(dep) && !(edge.condition === 'CREATE' && dep.runtimeId !== undefined)) {
    return failed(target, edge, `stopped without running${dep.reason ? ` (${dep.reason})` : ''}`);
  }
  switch (edge.condition) {
    case 'CREATE':
      return dep.runtimeId !== undefined && statusRank(dep.known) >= statusRank('CREATED') ? READY : WAITING;
    case 'START':
      return dep.startedAtMs !== undefined ? READY : WAITING;
    case 'COMPLETE':
      return dep.known === 'STOPPED' ? READY : timed(target, dep, edge, nowMs, defaultS);
    case 'SUCCESS':
      if (dep.known === 'STOPPED')
        return dep.exitCode === 0 ? READY : failed(target, edge, `exited with code ${dep.exitCode}`);
      return timed(target, dep, edge, nowMs, defaultS);
    case 'HEALTHY':
      if (!dep.definition.healthCheck) return failed(target, edge, 'has no health check');
      if (dep.health === 'HEALTHY') return READY;
      if (dep.known === 'STOPPED') return failed(target, edge, 'stopped before it was healthy');
      return timed(target, dep, edge, nowMs, defaultS);
  }
};

/** Whether `container` may be created and started now, must wait (until when), or never can. */
export const readiness = (
  task: TaskState,
  container: ManagedContainer,
  nowMs: number,
  defaultStartTimeoutS: number,
): Readiness => {
  let untilMs: number | undefined;
  let waiting = false;
  for (const edge of dependencyEdges(task, container)) {
    const dep = containerNamed(task, edge.dependency);
    if (!dep) return failed(container, edge, 'is not in the task');
    const result = evaluate(container, dep, edge, nowMs, defaultStartTimeoutS);
    if (result.kind === 'failed') return result;
    if (result.kind === 'waiting') {
      waiting = true;
      if (result.untilMs !== undefined) untilMs = Math.min(untilMs ?? Infinity, result.untilMs);
    }
  }
  if (!waiting) return READY;
  return untilMs === undefined ? WAITING : { kind: 'waiting', untilMs };
};

/** Waits on a COMPLETE or SUCCESS dependency that has not yet finished. */
export const awaitsCompletion = (task: TaskState, container: ManagedContainer): boolean =>
  dependencyEdges(task, container).some(
    (edge) =>
      (edge.condition === 'COMPLETE' || edge.condition === 'SUCCESS') &&
      containerNamed(task, edge.dependency)?.known !== 'STOPPED',
  );

/** Shutdown runs in reverse dependency order: a container stops once nothing running depends on it. */
export const mayStop = (task: TaskState, container: ManagedContainer): boolean =>
  task.containers.every(
    (other) =>
      other === container ||
      other.known !== 'RUNNING' ||
      !dependencyEdges(task, other).some((edge) => edge.dependency === container.name),
  );
