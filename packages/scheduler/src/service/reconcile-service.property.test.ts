import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { reconcileService } from './reconcile-service.js';
import { rollingBounds } from './rolling-bounds.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { Behaviour } from './service-sim.test-support.js';

interface Scenario {
  readonly desired: number;
  readonly min: number;
  readonly max: number;
  /** Circuit breaker with rollback on. */
  readonly breaker: boolean;
  readonly behaviours: readonly Behaviour[];
  /** Seconds between reconciles, cycled. */
  readonly ticks: readonly number[];
  /** Step at which a second new task definition is deployed mid-rollout, if any. */
  readonly redeployAt: number | undefined;
  /** Step at which the first instance starts DRAINING, if any. */
  readonly drainAt: number | undefined;
}

const behaviour = fc.oneof(
  fc.record({ startAfter: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    startAfter: fc.integer({ min: 1, max: 30 }),
    healthCheck: fc.record({
      health: fc.constant('HEALTHY' as const),
      after: fc.integer({ min: 0, max: 60 }),
    }),
  }),
);

/** Task definitions that misbehave: never start, crash, or fail their health check. */
const faulty = fc.oneof(
  behaviour,
  fc.record({ failAfter: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ startAfter: fc.integer({ min: 1, max: 30 }), exitAfter: fc.integer({ min: 1, max: 90 }) }),
  fc.record({
    startAfter: fc.integer({ min: 1, max: 30 }),
    healthCheck: fc.record({
      health: fc.constant('UNHEALTHY' as const),
      after: fc.integer({ min: 0, max: 60 }),
    }),
  }),
);

const scenarioWith = (behaviours: fc.Arbitrary<Behaviour>): fc.Arbitrary<Scenario> =>
  fc.record({
    desired: fc.integer({ min: 0, max: 8 }),
    min: fc.integer({ min: 0, max: 100 }),
    max: fc.integer({ min: 100, max: 200 }),
    breaker: fc.boolean(),
    behaviours: fc.tuple(behaviour, behaviours, behaviours),
    ticks: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }),
    redeployAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    drainAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  });

const scenario = scenarioWith(behaviour);

/** Runs a scenario, checking the invariants at every step; true once steady on the newest deployment. */
const run = (s: Scenario, steps: number): boolean => {
  const behaviours = Object.fromEntries(s.behaviours.map((b, i) => [`td:${i + 1}`, b]));
  const config = serviceConfig({
    desiredCount: s.desired,
    minimumHealthyPercent: s.min,
    maximumPercent: s.max,
    circuitBreaker: { enable: s.breaker, rollback: s.breaker },
  });
  const sim = ServiceSim.steady(config, 'td:1', behaviours);
  let newest = sim.deploy('td:2');
  const { floor, ceiling } = rollingBounds(s.desired, s.min, s.max);
  for (let step = 0; step < steps; step++) {
    if (step === s.redeployAt) newest = sim.deploy('td:3');
    if (step === s.drainAt) sim.instances[0]!.status = 'DRAINING';
    const snapshot = sim.snapshot();
    const plan = reconcileService(snapshot);
    expect(reconcileService(structuredClone(snapshot))).toEqual(plan);
    const healthyBefore = sim.healthyCount();
    const liveBefore = sim.live().length;
    sim.apply(plan);

    expect(sim.healthyCount()).toBeGreaterThanOrEqual(Math.min(floor, healthyBefore));
    expect(sim.live().length).toBeLessThanOrEqual(Math.max(ceiling, liveBefore));
    expect(plan.deployments.filter((d) => d.status === 'PRIMARY')).toHaveLength(1);
    for (const d of plan.deployments.slice(1)) {
      expect(d.status).toBe('ACTIVE');
      expect(sim.live().filter((t) => t.deploymentId === d.id)).toHaveLength(d.desiredCount);
      expect(d.desiredCount).toBeGreaterThan(0);
    }
    if (plan.steady) {
      expect(plan.deployments).toEqual([expect.objectContaining({ rolloutState: 'COMPLETED' })]);
      if (plan.deployments[0]?.id !== newest.id) return false;
      expect(sim.live()).toHaveLength(s.desired);
      return true;
    }
    sim.advance(s.ticks[step % s.ticks.length] ?? 10);
  }
  return false;
};

describe('reconcileService (properties)', () => {
  it('keeps healthy tasks at or above the floor and live tasks at or below the ceiling, every step', () => {
    fc.assert(
      fc.property(scenarioWith(faulty), (s) => {
        run(s, 80);
      }),
      { numRuns: 150 },
    );
  });

  it('converges whenever the bounds allow a step (ceiling > desired or floor < desired)', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => {
          const { floor, ceiling } = rollingBounds(s.desired, s.min, s.max);
          return ceiling > s.desired || floor < s.desired;
        }),
        (s) => {
          expect(run(s, 2000)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('posts the stuck event, and never moves, when the bounds allow nothing', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => {
          const { floor, ceiling } = rollingBounds(s.desired, s.min, s.max);
          return s.desired > 0 && ceiling === s.desired && floor === s.desired;
        }),
        (s) => {
          const sim = ServiceSim.steady(
            serviceConfig({ desiredCount: s.desired, minimumHealthyPercent: s.min, maximumPercent: s.max }),
            'td:1',
          );
          sim.deploy('td:2');
          const plan = sim.reconcile();
          expect(plan.launches).toEqual([]);
          expect(plan.stops).toEqual([]);
          expect(plan.events.some((e) => e.includes('was unable to stop or start tasks'))).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});
