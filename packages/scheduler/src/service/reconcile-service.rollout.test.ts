import { describe, expect, it } from 'vitest';

import { rollingBounds } from './rolling-bounds.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { ServicePlan } from './service-types.js';

const STUCK =
  '(service web) was unable to stop or start tasks during a deployment because of the service deployment ' +
  'configuration. Update the minimumHealthyPercent or maximumPercent value and try again.';

/** Reconciles every 10 s, checking the bounds and the deployment list after each plan is applied. */
const rollOut = (sim: ServiceSim, maxSteps = 60): ServicePlan[] => {
  const { floor, ceiling } = rollingBounds(
    sim.service.desiredCount,
    sim.service.minimumHealthyPercent,
    sim.service.maximumPercent,
  );
  const plans: ServicePlan[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const plan = sim.reconcile();
    plans.push(plan);
    expect(sim.healthyCount()).toBeGreaterThanOrEqual(floor);
    expect(sim.live().length).toBeLessThanOrEqual(ceiling);
    for (const d of plan.deployments.filter((x) => x.status === 'ACTIVE')) {
      expect(sim.live().some((t) => t.deploymentId === d.id)).toBe(true);
    }
    if (plan.steady) break;
    sim.advance(10);
  }
  return plans;
};

const deployV2 = (desired: number, min: number, max: number): ServiceSim => {
  const sim = ServiceSim.steady(
    serviceConfig({ desiredCount: desired, minimumHealthyPercent: min, maximumPercent: max }),
    'td:1',
  );
  sim.deploy('td:2');
  return sim;
};

const liveOf = (sim: ServiceSim, deploymentId: string | undefined): number =>
  sim.live().filter((t) => t.deploymentId === deploymentId).length;

describe('rolling update, per ECS-REFERENCE §2 table', () => {
  it('4/100/200: starts 4 new, then stops old as new become healthy', () => {
    const sim = deployV2(4, 100, 200);
    const [v2, v1] = sim.deployments;
    const plans = rollOut(sim);
    expect(plans[0]?.launches).toEqual([{ deploymentId: v2?.id, count: 4 }]);
    expect(plans[0]?.stops).toEqual([]);
    const end = plans.at(-1)!;
    expect(end.steady).toBe(true);
    expect(end.deployments).toHaveLength(1);
    expect(end.deployments[0]).toMatchObject({ id: v2?.id, rolloutState: 'COMPLETED', desiredCount: 4 });
    expect(end.deployments[0]?.rolloutStateReason).toBe(`ECS deployment ${v2?.id} completed.`);
    expect(liveOf(sim, v1?.id)).toBe(0);
    expect(sim.events).toContain(`(service web) (deployment ${v2?.id}) deployment completed.`);
    expect(sim.events.at(-1)).toBe('(service web) has reached a steady state.');
    expect(sim.events).not.toContain(STUCK);
  });

  it('4/50/200: stops 2 old at once and starts 4 new', () => {
    const sim = deployV2(4, 50, 200);
    const [v2] = sim.deployments;
    const plans = rollOut(sim);
    expect(plans[0]?.launches).toEqual([{ deploymentId: v2?.id, count: 4 }]);
    expect(plans[0]?.stops).toHaveLength(2);
    expect(plans[0]?.stops[0]?.reason).toBe(`Scaling activity initiated by (deployment ${v2?.id})`);
    expect(plans[0]?.events[0]).toMatch(
      /^\(service web\) has stopped 2 running tasks: \(task t\d+\) \(task t\d+\)\.$/,
    );
    expect(plans.at(-1)?.steady).toBe(true);
  });

  it('4/50/100: replaces in batches of 2 with no extra capacity', () => {
    const sim = deployV2(4, 50, 100);
    const [v2, v1] = sim.deployments;
    const plans = rollOut(sim);
    expect(plans[0]?.launches).toEqual([]);
    expect(plans[0]?.stops).toHaveLength(2);
    expect(plans[1]?.launches).toEqual([{ deploymentId: v2?.id, count: 2 }]);
    const batches = plans.filter((p) => p.stops.length > 0).map((p) => p.stops.length);
    expect(batches).toEqual([2, 2]);
    expect(plans.at(-1)?.steady).toBe(true);
    expect(plans.at(-1)?.deployments.map((d) => d.id)).toEqual([v2?.id]);
    // the old deployment's desiredCount drops with its live count, and it is dropped at 0
    const oldCounts = plans.map((p) => p.deployments.find((d) => d.id === v1?.id)?.desiredCount);
    expect(oldCounts.slice(0, 2)).toEqual([2, 2]);
    expect(oldCounts.at(-1)).toBeUndefined();
  });

  it('1/0/100: stops, then starts (downtime)', () => {
    const sim = deployV2(1, 0, 100);
    const [v2] = sim.deployments;
    const plans = rollOut(sim);
    expect(plans[0]).toMatchObject({ launches: [] });
    expect(plans[0]?.stops).toHaveLength(1);
    expect(plans[0]?.deployments.map((d) => d.id)).toEqual([v2?.id]);
    expect(plans[1]?.launches).toEqual([{ deploymentId: v2?.id, count: 1 }]);
    expect(plans.at(-1)?.steady).toBe(true);
  });

  it.each([
    [2, 75, 100],
    [3, 100, 125],
  ])('%i/%i/%i: stuck, says so, and touches nothing', (desired, min, max) => {
    const sim = deployV2(desired, min, max);
    const plans = rollOut(sim, 10);
    expect(plans.every((p) => p.launches.length === 0 && p.stops.length === 0)).toBe(true);
    expect(plans.every((p) => p.events.includes(STUCK))).toBe(true);
    expect(plans.at(-1)?.deployments).toHaveLength(2);
    expect(plans.at(-1)?.deployments[0]?.rolloutState).toBe('IN_PROGRESS');
    expect(plans.at(-1)?.steady).toBe(false);
  });

  it('posts the in-progress reason and keeps updatedAt while nothing changes', () => {
    const sim = deployV2(2, 100, 200);
    const [v2] = sim.deployments;
    sim.deployments = sim.deployments.map((d) => (d.id === v2?.id ? { ...d, rolloutStateReason: '' } : d));
    const first = sim.reconcile();
    expect(first.deployments[0]?.rolloutStateReason).toBe(`ECS deployment ${v2?.id} in progress.`);
    sim.advance(1);
    const second = sim.reconcile();
    expect(second.deployments[0]?.updatedAt).toBe(first.deployments[0]?.updatedAt);
  });
});
