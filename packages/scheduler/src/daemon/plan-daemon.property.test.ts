import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { stepSize } from './daemon-rollout.js';
import { instance, rollout, snapshot, task } from './daemon.test-support.js';
import type { DaemonRollout, DaemonSnapshot, DaemonTask } from './daemon-types.js';
import { planDaemon } from './plan-daemon.js';

const arbInstance = fc.record({
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'DRAINING', 'INACTIVE'),
  connected: fc.boolean(),
  otherLiveTasks: fc.nat(2),
  inScope: fc.boolean(),
});

const arbTask = fc.record({
  instance: fc.nat(5),
  revision: fc.constantFrom('r1', 'r2'),
  lastStatus: fc.constantFrom('PENDING', 'RUNNING', 'STOPPED'),
  desiredStatus: fc.constantFrom('RUNNING' as const, 'STOPPED' as const),
  stoppedByScheduler: fc.boolean(),
  stopHandled: fc.boolean(),
});

const arbSnapshot = fc
  .record({
    instances: fc.array(arbInstance, { maxLength: 6 }),
    tasks: fc.array(arbTask, { maxLength: 10 }),
    deleting: fc.boolean(),
    drainPercent: fc.integer({ min: 0, max: 100 }),
    status: fc.constantFrom('PENDING' as const, 'IN_PROGRESS' as const, 'SUCCESSFUL' as const),
  })
  .map(({ instances, tasks, deleting, drainPercent, status }): DaemonSnapshot =>
    snapshot({
      deleting,
      instances: instances.map((i, n) => instance(`i${n}`, i)),
      scopes: { r2: instances.flatMap((i, n) => (i.inScope ? [`i${n}`] : [])) },
      rollout: rollout({ status, drainPercent, rollbackRevision: 'r1', threshold: 3 }),
      tasks: tasks.map((t, n) => task(`t${n}`, `i${t.instance}`, t.revision, { ...t, createdAt: n })),
    }),
  );

describe('planDaemon properties', () => {
  it('launches at most once per eligible instance, where no daemon task lives or stops', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const plan = planDaemon(s);
        const targets = plan.launches.map((l) => l.instanceArn);
        expect(new Set(targets).size).toBe(targets.length);
        const scope = new Set(s.scopes.r2);
        for (const arn of targets) {
          const i = s.instances.find((x) => x.arn === arn);
          expect(i?.status).toBe('ACTIVE');
          expect(i?.connected).toBe(true);
          expect(scope.has(arn)).toBe(true);
          expect(s.tasks.some((t) => t.instanceArn === arn && t.lastStatus !== 'STOPPED')).toBe(false);
          expect(plan.drains.some((d) => d.instanceArn === arn)).toBe(false);
        }
        if (s.deleting) expect(plan.launches).toEqual([]);
      }),
    );
  });

  it('stops only live tasks, once each; drains only ACTIVE instances; is deterministic', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const plan = planDaemon(s);
        const stopped = plan.stops.map((x) => x.taskArn);
        expect(new Set(stopped).size).toBe(stopped.length);
        for (const arn of stopped)
          expect(s.tasks.find((t) => t.taskArn === arn)?.desiredStatus).toBe('RUNNING');
        for (const d of plan.drains)
          expect(s.instances.find((i) => i.arn === d.instanceArn)?.status).toBe('ACTIVE');
        const rollouts = plan.stops.filter((x) => x.kind === 'rollout').length;
        expect(rollouts).toBeLessThanOrEqual(
          Math.max(1, stepSize(s.instances.length, s.rollout.drainPercent)),
        );
        expect(planDaemon(s)).toEqual(plan);
      }),
    );
  });

  it('rolls a revision out across all instances, never replacing more than a step at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 100 }), (n, pct) => {
        const instances = Array.from({ length: n }, (_, k) => instance(`i${k}`));
        let tasks: DaemonTask[] = instances.map((i) => task(`old-${i.arn}`, i.arn, 'r1'));
        let current: DaemonRollout = rollout({ drainPercent: pct, rollbackRevision: 'r1', threshold: 99 });
        let now = 0;
        for (let step = 0; step < 10 * n + 10 && current.status !== 'SUCCESSFUL'; step++) {
          now += 10;
          const plan = planDaemon(snapshot({ now, instances, tasks, rollout: current }));
          const stops = new Set(plan.stops.map((x) => x.taskArn));
          // The agent: stopped tasks stop, pending ones run, launches appear PENDING.
          tasks = [
            ...tasks.map((t) =>
              stops.has(t.taskArn)
                ? { ...t, desiredStatus: 'STOPPED' as const, stoppedByScheduler: true }
                : t.desiredStatus === 'STOPPED'
                  ? { ...t, lastStatus: 'STOPPED' }
                  : { ...t, lastStatus: 'RUNNING' },
            ),
            ...plan.launches.map((l) =>
              task(`t${step}-${l.instanceArn}`, l.instanceArn, l.revision, { lastStatus: 'PENDING' }),
            ),
          ];
          current = plan.rollout;
          const serving = instances.filter((i) =>
            tasks.some(
              (t) => t.instanceArn === i.arn && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING',
            ),
          ).length;
          expect(n - serving).toBeLessThanOrEqual(stepSize(n, pct));
        }
        expect(current.status).toBe('SUCCESSFUL');
        const live = tasks.filter((t) => t.desiredStatus === 'RUNNING');
        expect(live.map((t) => t.instanceArn).sort()).toEqual(instances.map((i) => i.arn).sort());
        expect(live.every((t) => t.revision === 'r2')).toBe(true);
      }),
    );
  });
});
