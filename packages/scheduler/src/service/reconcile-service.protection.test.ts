import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { rollingBounds } from './rolling-bounds.js';
import { serviceReasons } from './service-reasons.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { SimTask } from './service-sim.test-support.js';

/** Protects the first `count` live tasks for `seconds`. */
const protect = (sim: ServiceSim, count: number, seconds: number): SimTask[] => {
  const chosen = sim.live().slice(0, count);
  for (const t of chosen) t.protectedUntil = sim.now + seconds;
  return chosen;
};

const isProtectedNow = (sim: ServiceSim, taskArn: string): boolean => {
  const until = sim.tasks.find((t) => t.taskArn === taskArn)?.protectedUntil;
  return until !== undefined && sim.now < until;
};

describe('reconcileService: task scale-in protection', () => {
  it('scales in around protected tasks and reports the ones it holds back', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 4 }), 'td:1');
    const held = protect(sim, 3, 300);
    sim.service = { ...sim.service, desiredCount: 1 };
    const plan = sim.reconcile();
    expect(plan.stops).toHaveLength(1);
    expect(held.map((t) => t.taskArn)).not.toContain(plan.stops[0]?.taskArn);
    expect(plan.events).toContain(
      '(service web) was unable to scale in due to (reason 2 tasks under protection).',
    );
    expect(plan.steady).toBe(false);
    sim.advance(200);
    expect(sim.reconcile().stops).toEqual([]);
    sim.advance(100);
    const expired = sim.reconcile();
    expect(expired.stops).toHaveLength(2);
    expect(sim.live()).toHaveLength(1);
  });

  it('keeps protected tasks of an old deployment until their protection ends', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2, maximumPercent: 200 }), 'td:1');
    const [kept] = protect(sim, 1, 600);
    const next = sim.deploy('td:2');
    for (let step = 0; step < 30; step++) {
      const plan = sim.reconcile();
      expect(plan.stops.map((s) => s.taskArn)).not.toContain(kept?.taskArn);
      sim.advance(15);
    }
    expect(sim.live().map((t) => t.taskArn)).toContain(kept?.taskArn);
    expect(sim.deployments.find((d) => d.id === next.id)?.rolloutState).toBe('IN_PROGRESS');
    sim.advance(600);
    for (let step = 0; step < 10; step++) {
      sim.reconcile();
      sim.advance(15);
    }
    expect(sim.live().map((t) => t.taskArn)).not.toContain(kept?.taskArn);
    expect(sim.deployments).toEqual([expect.objectContaining({ id: next.id, rolloutState: 'COMPLETED' })]);
  });

  it('does not hold back health-check failures, lost agents, draining instances or DeleteService', () => {
    const checked = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:1', {
      'td:1': { healthCheck: { health: 'HEALTHY', after: 0 } },
    });
    const [sick] = protect(checked, 2, 600);
    sick!.healthStatus = 'UNHEALTHY';
    expect(checked.reconcile().stops).toEqual([
      { taskArn: sick!.taskArn, reason: serviceReasons.healthCheckFailed },
    ]);

    const lost = ServiceSim.steady(serviceConfig({ desiredCount: 3 }), 'td:1');
    protect(lost, 3, 600);
    Object.assign(lost.instances[0]!, { agentConnected: false, silentFor: 120 });
    expect(lost.reconcile().stops.every((s) => s.reason === serviceReasons.agentLost)).toBe(true);
    expect(lost.tasks.filter((t) => t.desiredStatus === 'STOPPED').length).toBeGreaterThan(0);

    const drained = ServiceSim.steady(serviceConfig({ desiredCount: 3, minimumHealthyPercent: 0 }), 'td:1');
    protect(drained, 3, 600);
    drained.instances[0]!.status = 'DRAINING';
    const onDraining = drained.live().filter((t) => t.instanceArn === drained.instances[0]!.arn).length;
    expect(
      drained.reconcile().stops.filter((s) => s.reason === serviceReasons.instanceDraining),
    ).toHaveLength(onDraining);

    const deleted = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:1');
    protect(deleted, 2, 600);
    deleted.service = { ...deleted.service, status: 'DRAINING', desiredCount: 0 };
    expect(deleted.reconcile().stops).toHaveLength(2);
  });

  it('DAEMON: a protected task of the old deployment stays until its protection ends', () => {
    const sim = ServiceSim.steady(
      serviceConfig({
        schedulingStrategy: 'DAEMON',
        desiredCount: 0,
        minimumHealthyPercent: 0,
        maximumPercent: 100,
      }),
      'td:1',
    );
    const [kept] = protect(sim, 1, 300);
    sim.deploy('td:2');
    const plan = sim.reconcile();
    expect(plan.stops.map((s) => s.taskArn)).not.toContain(kept?.taskArn);
    expect(plan.stops.length).toBe(sim.instances.length - 1);
    sim.advance(300);
    expect(sim.reconcile().stops.map((s) => s.taskArn)).toContain(kept?.taskArn);
  });

  it('never stops a protected task for scale-in or a deployment, and converges once protection expires', () => {
    fc.assert(
      fc.property(
        fc.record({
          desired: fc.integer({ min: 1, max: 6 }),
          min: fc.integer({ min: 0, max: 100 }),
          max: fc.integer({ min: 100, max: 200 }),
          protectedCount: fc.integer({ min: 0, max: 6 }),
          protectSeconds: fc.integer({ min: 1, max: 400 }),
          scaleTo: fc.integer({ min: 0, max: 6 }),
          deploy: fc.boolean(),
          tick: fc.integer({ min: 5, max: 30 }),
        }),
        (s) => {
          const sim = ServiceSim.steady(
            serviceConfig({ desiredCount: s.desired, minimumHealthyPercent: s.min, maximumPercent: s.max }),
            'td:1',
          );
          protect(sim, s.protectedCount, s.protectSeconds);
          sim.service = { ...sim.service, desiredCount: s.scaleTo };
          if (s.deploy) sim.deploy('td:2');
          let steady = false;
          for (let step = 0; step < 400 && !steady; step++) {
            const plan = sim.reconcile();
            for (const stop of plan.stops) expect(isProtectedNow(sim, stop.taskArn)).toBe(false);
            steady = plan.steady;
            sim.advance(s.tick);
          }
          const { floor, ceiling } = rollingBounds(s.scaleTo, s.min, s.max);
          const movesAtAll = !s.deploy || s.scaleTo === 0 || ceiling > s.scaleTo || floor < s.scaleTo;
          if (movesAtAll) {
            expect(steady).toBe(true);
            expect(sim.live()).toHaveLength(s.scaleTo);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
