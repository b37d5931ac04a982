/**
 * Traffic-shifting deployments (BLUE_GREEN, LINEAR, CANARY) through reconcileService, on the
 * simulated cluster: green scales up beside blue, traffic moves only once green is steady, blue is
 * stopped only after the bake time, hooks hold phases, and a failure returns traffic to blue.
 */
import { describe, expect, it } from 'vitest';

import { serviceConfig, ServiceSim, type Behaviour } from './service-sim.test-support.js';
import type { DeploymentState } from './service-types.js';
import { lifecycleStageOf } from './traffic-shift/shift-phases.js';
import {
  TRAFFIC_SETTLE_SECONDS,
  type ShiftHookConfig,
  type ShiftStrategy,
  type TrafficShiftSettings,
} from './traffic-shift/shift-types.js';

const shifting = (
  strategy: ShiftStrategy,
  extra: Partial<TrafficShiftSettings> = {},
  circuitBreaker = { enable: false, rollback: false },
) =>
  serviceConfig({
    desiredCount: 2,
    circuitBreaker,
    trafficShift: { strategy, bakeSeconds: 60, hooks: [], ...extra },
  });

const sim = (
  strategy: ShiftStrategy,
  extra: Partial<TrafficShiftSettings> = {},
  behaviours: Record<string, Behaviour> = {},
  circuitBreaker = { enable: false, rollback: false },
): ServiceSim => ServiceSim.steady(shifting(strategy, extra, circuitBreaker), 'td:1', behaviours);

const byId = (s: ServiceSim, id: string): DeploymentState | undefined =>
  s.deployments.find((d) => d.id === id);
const liveOf = (s: ServiceSim, id: string) => s.live().filter((t) => t.deploymentId === id);
const stage = (d: DeploymentState | undefined): string => lifecycleStageOf(d?.shift?.phase ?? -1);

/** Reconciles once a second until `done` or `limit` seconds. */
const until = (s: ServiceSim, done: () => boolean, limit = 600): number => {
  for (let t = 0; t < limit; t++) {
    s.reconcile();
    if (done()) return t;
    s.advance(1);
  }
  throw new Error('condition not reached');
};

describe('a BLUE_GREEN deployment', () => {
  it('scales green to the full count beside blue, shifts once green runs, bakes, then stops blue', () => {
    const s = sim({ type: 'BLUE_GREEN' });
    const [blue] = s.deployments;
    const green = s.deploy('td:2');
    const first = s.reconcile();
    expect(first.launches).toEqual([{ deploymentId: green.id, count: 2 }]);
    expect(first.stops).toEqual([]);
    expect(stage(byId(s, green.id))).toBe('SCALE_UP');
    expect(byId(s, green.id)?.shift?.productionPercent).toBe(0);

    s.advance(5); // green RUNNING
    s.reconcile();
    const shifted = byId(s, green.id);
    expect(stage(shifted)).toBe('BAKE_TIME');
    expect([shifted?.shift?.testPercent, shifted?.shift?.productionPercent]).toEqual([100, 100]);
    expect(liveOf(s, blue!.id)).toHaveLength(2);

    s.advance(59);
    expect(s.reconcile().stops).toEqual([]);
    s.advance(1);
    const cleanUp = s.reconcile();
    expect(cleanUp.stops.map((x) => x.taskArn).sort()).toEqual(
      s.tasks
        .filter((t) => t.deploymentId === blue!.id)
        .map((t) => t.taskArn)
        .sort(),
    );
    expect(byId(s, green.id)?.rolloutState).toBe('COMPLETED');
    expect(stage(byId(s, green.id))).toBe('CLEAN_UP');
  });

  it('with no bake time, stops blue only once production traffic has settled on green', () => {
    const s = sim({ type: 'BLUE_GREEN' }, { bakeSeconds: 0 });
    const [blue] = s.deployments;
    const green = s.deploy('td:2');
    until(s, () => byId(s, green.id)?.shift?.productionPercent === 100);
    expect(stage(byId(s, green.id))).toBe('CLEAN_UP');
    expect(liveOf(s, blue!.id)).toHaveLength(2);
    const waited = until(s, () => liveOf(s, blue!.id).length === 0);
    expect(waited).toBe(TRAFFIC_SETTLE_SECONDS);
  });

  it('moves no traffic while a green task is not yet steady', () => {
    const s = sim({ type: 'BLUE_GREEN' }, {}, { 'td:2': { healthCheck: { health: 'HEALTHY', after: 30 } } });
    const green = s.deploy('td:2');
    until(
      s,
      () => liveOf(s, green.id).every((t) => t.lastStatus === 'RUNNING') && liveOf(s, green.id).length === 2,
    );
    s.reconcile();
    expect(byId(s, green.id)?.shift?.productionPercent).toBe(0);
    const waited = until(s, () => (byId(s, green.id)?.shift?.productionPercent ?? 0) > 0);
    expect(waited).toBeGreaterThanOrEqual(29);
  });

  it('counts a first deployment with nothing to shift from as done: green takes all traffic', () => {
    const s = new ServiceSim(shifting({ type: 'BLUE_GREEN' }));
    const first = s.deploy('td:1');
    expect(s.reconcile().launches).toEqual([{ deploymentId: first.id, count: 2 }]);
    expect(byId(s, first.id)?.shift?.productionPercent).toBe(100);
    until(s, () => byId(s, first.id)?.rolloutState === 'COMPLETED');
  });
});

describe('LINEAR and CANARY', () => {
  it('LINEAR moves stepPercent at a time, stepBake apart', () => {
    const s = sim({ type: 'LINEAR', stepPercent: 30, stepBakeSeconds: 10 });
    const green = s.deploy('td:2');
    const seen: number[] = [];
    until(s, () => {
      const p = byId(s, green.id)?.shift?.productionPercent ?? 0;
      if (seen.at(-1) !== p) seen.push(p);
      return p === 100;
    });
    expect(seen).toEqual([0, 30, 60, 90, 100]);
  });

  it('CANARY moves canaryPercent, then the rest after the canary bake', () => {
    const s = sim({ type: 'CANARY', canaryPercent: 10, canaryBakeSeconds: 20 });
    const green = s.deploy('td:2');
    const canaryAt = until(s, () => byId(s, green.id)?.shift?.productionPercent === 10);
    const fullAt = until(s, () => byId(s, green.id)?.shift?.productionPercent === 100);
    expect(fullAt).toBeGreaterThanOrEqual(19);
    expect(canaryAt).toBeLessThan(10);
  });
});

const pauseAt = (stages: ShiftHookConfig['stages'], timeoutAction: 'CONTINUE' | 'ROLLBACK' = 'ROLLBACK') => ({
  hooks: [{ index: 0, stages, pause: true, timeoutSeconds: 300, timeoutAction }],
});

describe('lifecycle hooks', () => {
  it('a PAUSE hook holds its phase until it succeeds', () => {
    const s = sim({ type: 'BLUE_GREEN' }, pauseAt(['POST_TEST_TRAFFIC_SHIFT']));
    const green = s.deploy('td:2');
    until(s, () => byId(s, green.id)?.shift?.hooks[0]?.status === 'AWAITING_ACTION');
    const held = byId(s, green.id);
    expect(stage(held)).toBe('POST_TEST_TRAFFIC_SHIFT');
    expect([held?.shift?.testPercent, held?.shift?.productionPercent]).toEqual([100, 0]);
    expect(held?.shift?.hooks[0]?.hookId).toBe('post_test_traffic_shift-0');
    s.advance(100);
    s.reconcile();
    expect(byId(s, green.id)?.shift?.productionPercent).toBe(0);

    s.deployments = s.deployments.map((d) =>
      d.id === green.id && d.shift
        ? {
            ...d,
            shift: { ...d.shift, hooks: d.shift.hooks.map((h) => ({ ...h, status: 'SUCCEEDED' as const })) },
          }
        : d,
    );
    s.reconcile();
    expect(byId(s, green.id)?.shift?.productionPercent).toBe(100);
  });

  it('a hook that times out takes its timeout action: CONTINUE goes on', () => {
    const s = sim({ type: 'BLUE_GREEN' }, pauseAt(['PRE_SCALE_UP'], 'CONTINUE'));
    const green = s.deploy('td:2');
    expect(s.reconcile().launches).toEqual([]);
    s.advance(300);
    expect(s.reconcile().launches).toEqual([{ deploymentId: green.id, count: 2 }]);
  });

  it('a FAILED hook rolls back: blue is PRIMARY again and keeps all traffic, green is stopped', () => {
    const s = sim({ type: 'BLUE_GREEN' }, pauseAt(['POST_SCALE_UP']));
    const [blue] = s.deployments;
    const green = s.deploy('td:2');
    until(s, () => byId(s, green.id)?.shift?.hooks[0]?.status === 'AWAITING_ACTION');
    s.deployments = s.deployments.map((d) =>
      d.id === green.id && d.shift
        ? {
            ...d,
            shift: { ...d.shift, hooks: d.shift.hooks.map((h) => ({ ...h, status: 'FAILED' as const })) },
          }
        : d,
    );
    const rolled = s.reconcile();
    expect(rolled.stops).toEqual([]);
    expect(rolled.events).toContain(`(service web) rolling back to deployment ${blue!.id}.`);
    expect(byId(s, blue!.id)).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED' });
    expect(byId(s, green.id)).toMatchObject({
      status: 'ACTIVE',
      rolloutState: 'FAILED',
      rolledBackTo: blue!.id,
      rolloutStateReason: 'ECS deployment lifecycle hook post_scale_up-0 failed at POST_SCALE_UP.',
    });
    until(s, () => liveOf(s, green.id).length === 0, 5);
    expect(liveOf(s, blue!.id)).toHaveLength(2);
    expect(s.deployments.map((d) => d.id)).toEqual([blue!.id]);
  });

  it('a rollback asked for (StopServiceDeployment) returns traffic from any phase', () => {
    const s = sim({ type: 'BLUE_GREEN' }, { bakeSeconds: 600 });
    const [blue] = s.deployments;
    const green = s.deploy('td:2');
    until(s, () => stage(byId(s, green.id)) === 'BAKE_TIME');
    s.deployments = s.deployments.map((d) =>
      d.id === green.id && d.shift ? { ...d, shift: { ...d.shift, rollbackRequested: 'stopped' } } : d,
    );
    s.reconcile();
    expect(byId(s, blue!.id)?.status).toBe('PRIMARY');
    expect(byId(s, green.id)).toMatchObject({ rolloutState: 'FAILED', rolloutStateReason: 'stopped' });
    expect(byId(s, green.id)?.shift?.productionPercent).toBe(0);
  });
});

describe('a green revision that fails', () => {
  it('never takes production traffic, and the circuit breaker rolls back to blue in place', () => {
    const s = sim(
      { type: 'BLUE_GREEN' },
      {},
      { 'td:2': { healthCheck: { health: 'UNHEALTHY', after: 2 } } },
      { enable: true, rollback: true },
    );
    const [blue] = s.deployments;
    const green = s.deploy('td:2');
    let most = 0;
    until(s, () => {
      most = Math.max(most, byId(s, green.id)?.shift?.productionPercent ?? 0);
      return byId(s, blue!.id)?.status === 'PRIMARY';
    });
    expect(most).toBe(0);
    expect(s.events).toContain(
      `(service web) (deployment ${green.id}) deployment failed: tasks failed to start.`,
    );
    expect(byId(s, green.id)?.rolledBackTo).toBe(blue!.id);
    until(s, () => liveOf(s, green.id).length === 0, 5);
    expect(liveOf(s, blue!.id)).toHaveLength(2);
    expect(s.deployments.map((d) => d.id)).toEqual([blue!.id]);
  });
});
