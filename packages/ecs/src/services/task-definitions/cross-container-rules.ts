/**
 * Checks that span containers: unique names, at least one essential container, references by
 * dependsOn, links, volumesFrom and mountPoints, the task-level CPU and memory budgets, and static
 * host ports used twice.
 */
import { clientException } from '@berth/core';
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from '@berth/wire/ecs';

import { staticHostPort } from './port-mapping-rules.js';
import type { TaskLevel } from './task-level-rules.js';

type Edges = ReadonlyMap<string, readonly string[]>;

/** Whether the directed graph has a cycle (iterative three-colour DFS). */
export const hasCycle = (edges: Edges): boolean => {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (start: string): boolean => {
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const targets = edges.get(top.node) ?? [];
      const target = targets[top.next++];
      if (target === undefined) {
        state.set(top.node, 'done');
        stack.pop();
      } else if (state.get(target) === 'open') {
        return true;
      } else if (!state.has(target)) {
        state.set(target, 'open');
        stack.push({ node: target, next: 0 });
      }
    }
    return false;
  };
  return [...edges.keys()].some((node) => !state.has(node) && visit(node));
};

const checkNamesAndEssential = (containers: readonly ContainerDefinition[]): void => {
  const names = containers.map((c) => c.name);
  if (new Set(names).size !== names.length) {
    throw clientException('Container names must be unique within a Task Definition.');
  }
  if (!containers.some((c) => c.essential !== false)) {
    throw clientException("Task definition doesn't have any essential container.");
  }
};

const checkDependencies = (containers: readonly ContainerDefinition[]): void => {
  const byName = new Map(containers.map((c) => [c.name ?? '', c]));
  for (const container of containers) {
    for (const { containerName, condition } of container.dependsOn ?? []) {
      const target = byName.get(containerName);
      // The stray " + " is in ECS's own message.
      if (!target)
        throw clientException(`Cannot depend on container + '${containerName}' because it does not exist`);
      if ((condition === 'COMPLETE' || condition === 'SUCCESS') && target.essential !== false) {
        throw clientException(
          'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
        );
      }
    }
  }
  const edges = new Map(
    containers.map((c) => [c.name ?? '', (c.dependsOn ?? []).map((d) => d.containerName)]),
  );
  if (hasCycle(edges)) throw clientException('Container dependsOn should not have a cycle');
};

const checkLinks = (containers: readonly ContainerDefinition[], names: ReadonlySet<string>): void => {
  const edges = new Map<string, string[]>();
  for (const container of containers) {
    const targets = (container.links ?? []).map((link) => link.split(':')[0] ?? '');
    const unknown = targets.find((t) => !names.has(t));
    if (unknown !== undefined) throw clientException(`Linked container '${unknown}' does not exist.`);
    edges.set(container.name ?? '', targets);
  }
  if (hasCycle(edges)) throw clientException('Container links should not have a cycle');
};

const checkVolumeReferences = (request: RegisterTaskDefinitionRequest, names: ReadonlySet<string>): void => {
  const volumes = new Set((request.volumes ?? []).map((v) => v.name));
  for (const container of request.containerDefinitions) {
    for (const { sourceContainer } of container.volumesFrom ?? []) {
      if (sourceContainer === undefined || !names.has(sourceContainer)) {
        throw clientException(`Unknown container '${sourceContainer ?? 'null'}'.`);
      }
    }
    for (const { sourceVolume } of container.mountPoints ?? []) {
      if (sourceVolume === undefined || !volumes.has(sourceVolume)) {
        throw clientException(`Unknown volume '${sourceVolume ?? 'null'}'.`);
      }
    }
  }
};

const checkBudgets = (containers: readonly ContainerDefinition[], level: TaskLevel): void => {
  const sum = (pick: (c: ContainerDefinition) => number | undefined): number =>
    containers.reduce((total, c) => total + (pick(c) ?? 0), 0);
  if (level.cpu !== undefined && sum((c) => c.cpu) > level.cpu) {
    throw clientException(
      "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
    );
  }
  if (level.memory !== undefined && sum((c) => c.memoryReservation) > level.memory) {
    throw clientException(
      "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
    );
  }
};

const checkHostPorts = (containers: readonly ContainerDefinition[], level: TaskLevel): void => {
  const seen = new Set<string>();
  for (const mapping of containers.flatMap((c) => c.portMappings ?? [])) {
    const port = staticHostPort(mapping, level.networkMode);
    if (port === 0) continue;
    const key = `${port}/${mapping.protocol ?? 'tcp'}`;
    if (seen.has(key)) throw clientException(`Host port ${key} is used by more than one port mapping.`);
    seen.add(key);
  }
};

/** Runs after every container passed its own checks, so names and list shapes are sound. */
export const validateAcrossContainers = (request: RegisterTaskDefinitionRequest, level: TaskLevel): void => {
  const containers = request.containerDefinitions;
  checkNamesAndEssential(containers);
  const names = new Set(containers.map((c) => c.name ?? ''));
  checkDependencies(containers);
  checkLinks(containers, names);
  checkVolumeReferences(request, names);
  checkBudgets(containers, level);
  checkHostPorts(containers, level);
};
