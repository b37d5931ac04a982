import { describe, expect, it } from 'vitest';

import { rollingBounds } from './rolling-bounds.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { ServiceConfig } from './service-types.js';

const DRAINING = 'Container instance is draining';

/** A steady service, with its first instance (the one holding the most tasks) set DRAINING. */
const drainFirst = (config: Partial<ServiceConfig>): { sim: ServiceSim; drained: string[] } => {
  const sim = ServiceSim.steady(serviceConfig(config), 'td:1');
  const instance = sim.instances[0]!;
  instance.status = 'DRAINING';
  return {
    sim,
    drained: sim
      .live()
      .filter((t) => t.instanceArn === instance.arn)
      .map((t) => t.taskArn),
  };
};

describe('container instance draining', () => {
  it('replaces RUNNING tasks within the bounds: new ones first when the ceiling allows', () => {
    const { sim, drained } = drainFirst({ desiredCount: 4, minimumHealthyPercent: 100, maximumPercent: 200 });
    expect(drained).toHaveLength(2);
    const { floor, ceiling } = rollingBounds(4, 100, 200);
    const first = sim.reconcile();
    expect(first.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 2 }]);
    expect(first.stops).toEqual([]);
    let steady = false;
    for (let i = 0; i < 20 && !steady; i++) {
      sim.advance(10);
      const plan = sim.reconcile();
      expect(sim.healthyCount()).toBeGreaterThanOrEqual(floor);
      expect(sim.live().length).toBeLessThanOrEqual(ceiling);
      for (const stop of plan.stops) expect(stop).toEqual({ taskArn: expect.any(String), reason: DRAINING });
      expect(plan.deployments).toHaveLength(1);
      expect(plan.deployments[0]?.rolloutState).toBe('COMPLETED');
      steady = plan.steady;
    }
    expect(steady).toBe(true);
    expect(sim.live().some((t) => t.instanceArn === sim.instances[0]?.arn)).toBe(false);
    expect(
      sim.tasks.filter((t) => drained.includes(t.taskArn)).every((t) => t.desiredStatus === 'STOPPED'),
    ).toBe(true);
  });

  it('stops first when only the floor has room (4/50/100)', () => {
    const { sim, drained } = drainFirst({ desiredCount: 4, minimumHealthyPercent: 50, maximumPercent: 100 });
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([]);
    expect(plan.stops.map((s) => s.taskArn).sort()).toEqual([...drained].sort());
    expect(plan.events[0]).toMatch(/^\(service web\) has stopped 2 running tasks: /);
    sim.advance(10);
    expect(sim.reconcile().launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 2 }]);
  });

  it('stops PENDING tasks on a draining instance at once', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 4 }), 'td:1');
    sim.service = { ...sim.service, desiredCount: 6 };
    sim.reconcile();
    const pending = sim.live().filter((t) => t.lastStatus === 'PENDING');
    expect(pending).toHaveLength(2);
    const instance = sim.instances.find((i) => i.arn === pending[0]?.instanceArn)!;
    instance.status = 'DRAINING';
    const plan = sim.reconcile();
    const pendingThere = pending.filter((t) => t.instanceArn === instance.arn).map((t) => t.taskArn);
    for (const arn of pendingThere) expect(plan.stops).toContainEqual({ taskArn: arn, reason: DRAINING });
    expect(plan.events.some((e) => e.includes('has stopped'))).toBe(
      plan.stops.some((s) => !pendingThere.includes(s.taskArn)),
    );
  });

  it('100/100 can never drain, and says so', () => {
    const { sim } = drainFirst({ desiredCount: 3, minimumHealthyPercent: 100, maximumPercent: 100 });
    for (let i = 0; i < 5; i++) {
      const plan = sim.reconcile();
      expect(plan).toMatchObject({ launches: [], stops: [], steady: false });
      expect(plan.events).toEqual([
        '(service web) was unable to stop or start tasks during a deployment because of the service deployment ' +
          'configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
      ]);
      sim.advance(60);
    }
  });
});
