import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchesExpression } from '../query-language/matches-expression.js';
import { placeTasks } from './place-tasks.js';
import { arbitraryInstances, arbitraryRequest } from './placement.test-support.js';
import type { PlacementInstance, PlacementRequest } from './placement-types.js';

/** A deliberately plain model of one instance, replayed placement by placement. */
interface Model {
  readonly source: PlacementInstance;
  cpu: number;
  memory: number;
  ports: number[];
  portsUdp: number[];
  runningTasksCount: number;
  taskGroups: Record<string, number>;
}

const model = (source: PlacementInstance): Model => ({
  source,
  cpu: source.remaining.cpu,
  memory: source.remaining.memory,
  ports: [...source.remaining.ports],
  portsUdp: [...source.remaining.portsUdp],
  runningTasksCount: source.runningTasksCount,
  taskGroups: { ...source.taskGroups },
});

/** Why `m` refuses one more task, per the ECS order; 'SKIP' for silently skipped instances. */
const refusal = (m: Model, request: PlacementRequest): string | undefined => {
  const { source } = m;
  if (source.status !== 'ACTIVE') return source.status === 'INACTIVE' ? 'INACTIVE' : 'SKIP';
  if (!source.agentConnected) return 'AGENT';
  const view = { ...source, runningTasksCount: m.runningTasksCount, taskGroups: m.taskGroups };
  for (const required of request.requiredAttributes ?? []) {
    if (!(required.name in source.attributes)) return 'ATTRIBUTE';
    if (required.value !== undefined && source.attributes[required.name] !== required.value)
      return 'ATTRIBUTE';
  }
  for (const constraint of request.constraints) {
    if (constraint.type === 'distinctInstance' && (m.taskGroups[request.group] ?? 0) > 0) return 'ATTRIBUTE';
    if (constraint.type === 'memberOf' && !matchesExpression(constraint.expression!, view))
      return 'ATTRIBUTE';
  }
  const { reservation } = request;
  if (m.cpu < reservation.cpu) return 'RESOURCE:CPU';
  if (m.memory < reservation.memory) return 'RESOURCE:MEMORY';
  if (reservation.ports.some((p) => m.ports.includes(p))) return 'RESOURCE:PORTS';
  if (reservation.portsUdp.some((p) => m.portsUdp.includes(p))) return 'RESOURCE:PORTS_UDP';
  return undefined;
};

const place = (m: Model, request: PlacementRequest): void => {
  m.cpu -= request.reservation.cpu;
  m.memory -= request.reservation.memory;
  m.ports.push(...request.reservation.ports);
  m.portsUdp.push(...request.reservation.portsUdp);
  m.runningTasksCount += 1;
  m.taskGroups[request.group] = (m.taskGroups[request.group] ?? 0) + 1;
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

const property = (check: (request: PlacementRequest, instances: PlacementInstance[]) => void): void =>
  fc.assert(fc.property(arbitraryRequest, arbitraryInstances, check), { numRuns: 500 });

describe('placeTasks properties', () => {
  it('every placement passes every filter against the state at its turn, so nothing is over-committed', () => {
    property((request, instances) => {
      const models = new Map(instances.map((i) => [i.arn, model(i)]));
      for (const { instanceArn } of placeTasks(request, instances).placements) {
        const m = models.get(instanceArn)!;
        expect(refusal(m, request)).toBeUndefined();
        place(m, request);
      }
      for (const m of models.values()) {
        expect(m.cpu).toBeGreaterThanOrEqual(0);
        expect(m.memory).toBeGreaterThanOrEqual(0);
        expect(new Set(m.ports).size).toBe(m.ports.length);
        expect(new Set(m.portsUdp).size).toBe(m.portsUdp.length);
      }
    });
  });

  it('places all tasks, or stops where no instance fits and reports each instance once with its first reason', () => {
    property((request, instances) => {
      const { placements, failures } = placeTasks(request, instances);
      expect(placements.length).toBeLessThanOrEqual(request.count);
      if (placements.length === request.count) {
        expect(failures).toEqual([]);
        return;
      }
      const models = new Map(instances.map((i) => [i.arn, model(i)]));
      for (const { instanceArn } of placements) place(models.get(instanceArn)!, request);
      const expected = [...models.values()]
        .map((m) => ({ arn: m.source.arn, reason: refusal(m, request) }))
        .filter((f) => f.reason !== 'SKIP');
      expect(expected.every((f) => f.reason !== undefined)).toBe(true);
      expect(failures).toEqual(expected);
    });
  });

  it('with distinctInstance, never puts a second task of the group on an instance', () => {
    property((request, instances) => {
      const distinct = {
        ...request,
        constraints: [...request.constraints, { type: 'distinctInstance' as const }],
      };
      const { placements } = placeTasks(distinct, instances);
      const arns = placements.map((p) => p.instanceArn);
      expect(new Set(arns).size).toBe(arns.length);
      for (const arn of arns) {
        expect(instances.find((i) => i.arn === arn)!.taskGroups[request.group] ?? 0).toBe(0);
      }
    });
  });

  it('is deterministic for a seed', () => {
    property((request, instances) => {
      expect(placeTasks(request, instances)).toEqual(placeTasks(request, instances));
    });
  });

  it('leaves its inputs untouched (frozen inputs would throw on any write)', () => {
    property((request, instances) => {
      expect(() => placeTasks(deepFreeze(request), deepFreeze(instances))).not.toThrow();
    });
  });
});
