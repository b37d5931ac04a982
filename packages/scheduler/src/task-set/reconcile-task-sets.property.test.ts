import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { computedDesiredCount } from './computed-desired-count.js';
import { reconcileTaskSets } from './reconcile-task-sets.js';
import { TaskSetSim } from './task-set-sim.test-support.js';

type Change =
  | { readonly kind: 'desired'; readonly value: number }
  | { readonly kind: 'scale'; readonly set: number; readonly value: number }
  | { readonly kind: 'delete'; readonly set: number }
  | { readonly kind: 'drainInstance'; readonly instance: number }
  | { readonly kind: 'crash'; readonly task: number };

const scale = fc.oneof(fc.constantFrom(0, 25, 50, 100), fc.double({ min: 0, max: 100, noNaN: true }));

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('desired' as const), value: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('scale' as const), set: fc.integer({ min: 0, max: 2 }), value: scale }),
  fc.record({ kind: fc.constant('delete' as const), set: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('drainInstance' as const), instance: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('crash' as const), task: fc.integer({ min: 0, max: 20 }) }),
);

const scenario = fc.record({
  desired: fc.integer({ min: 0, max: 8 }),
  scales: fc.array(scale, { minLength: 1, maxLength: 3 }),
  startAfter: fc.integer({ min: 1, max: 20 }),
  changes: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), change), { maxLength: 6 }),
  ticks: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
});

const applyChange = (sim: TaskSetSim, c: Change): void => {
  if (c.kind === 'desired') sim.desiredCount = c.value;
  else if (c.kind === 'scale') {
    const set = sim.taskSets[c.set];
    if (set) set.scale = c.value;
  } else if (c.kind === 'delete') {
    const set = sim.taskSets[c.set];
    if (set) set.status = 'DRAINING';
  } else if (c.kind === 'drainInstance') {
    const arn = sim.instances[c.instance]?.arn;
    for (const task of sim.tasks) if (task.instanceArn === arn) task.instanceStatus = 'DRAINING';
    sim.instances = sim.instances.map((i) => (i.arn === arn ? { ...i, status: 'DRAINING' } : i));
  } else {
    const task = sim.live()[c.task];
    if (task && task.lastStatus === 'RUNNING')
      Object.assign(task, {
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedAt: sim.now,
      });
  }
};

describe('reconcileTaskSets (properties)', () => {
  it('never over-launches, stops only live tasks once, and converges to every computedDesiredCount', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = new TaskSetSim(s.desired);
        s.scales.forEach((value, i) => sim.addTaskSet(value, i === 0 ? 'PRIMARY' : 'ACTIVE'));
        for (const set of sim.taskSets) sim.behaviours[set.id] = { startAfter: s.startAfter };
        const lastChange = Math.max(0, ...s.changes.map(([at]) => at));
        for (let step = 0; step < lastChange + 40; step++) {
          for (const [at, c] of s.changes) if (at === step) applyChange(sim, c);
          const snapshot = sim.snapshot();
          const plan = reconcileTaskSets(snapshot);
          const live = new Set(
            snapshot.tasks
              .filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED')
              .map((t) => t.taskArn),
          );
          const stopped = plan.stops.map((x) => x.taskArn);
          expect(new Set(stopped).size).toBe(stopped.length);
          for (const arn of stopped) expect(live.has(arn)).toBe(true);
          for (const set of snapshot.taskSets) {
            const launched = plan.launches
              .filter((l) => l.deploymentId === set.id)
              .reduce((n, l) => n + l.count, 0);
            if (set.status === 'DRAINING') expect(launched).toBe(0);
            const keptAfter = snapshot.tasks.filter(
              (t) =>
                t.deploymentId === set.id &&
                live.has(t.taskArn) &&
                t.instanceStatus === 'ACTIVE' &&
                !stopped.includes(t.taskArn),
            ).length;
            expect(keptAfter + launched).toBeLessThanOrEqual(Math.max(set.computedDesiredCount, keptAfter));
          }
          sim.apply(plan);
          sim.advance(s.ticks[step % s.ticks.length] ?? 5);
        }
        for (const set of sim.taskSets) {
          expect(set.status).not.toBe('DRAINING');
          const want = computedDesiredCount(sim.desiredCount, set.scale);
          const live = sim.live(set.id);
          expect(live).toHaveLength(want);
          expect(live.every((t) => t.lastStatus === 'RUNNING' && t.instanceStatus === 'ACTIVE')).toBe(true);
        }
        const final = reconcileTaskSets(sim.snapshot());
        expect(final.launches).toEqual([]);
        expect(final.stops).toEqual([]);
        expect(final.taskSets.every((t) => t.stabilityStatus === 'STEADY_STATE')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
