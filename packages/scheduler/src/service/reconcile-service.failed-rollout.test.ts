/**
 * Issue 8's failed rollout: a 2-task service (min 50 %, max 200 %, circuit breaker with rollback) is
 * updated, right after its tasks reached RUNNING, to a revision whose container exits at once. The
 * old tasks are not yet healthy (under 40 s), but they serve: the floor of one must hold by them, not
 * by new tasks that have not proved themselves.
 */
import { describe, expect, it } from 'vitest';

import { serviceConfig, ServiceSim } from './service-sim.test-support.js';

const crashing = { startAfter: 1, exitAfter: 1 };

/** A service whose two tasks have been RUNNING for `age` seconds, its deployment as `completed` says. */
const young = (min: number, age: number, completed: boolean): ServiceSim => {
  const config = serviceConfig({
    desiredCount: 2,
    minimumHealthyPercent: min,
    maximumPercent: 200,
    circuitBreaker: { enable: true, rollback: true },
  });
  const sim = ServiceSim.steady(config, 'td:1', { 'td:2': crashing });
  for (const t of sim.tasks) Object.assign(t, { startedAt: sim.now - age, createdAt: sim.now - age - 1 });
  if (!completed) {
    sim.deployments = sim.deployments.map((d) => ({ ...d, rolloutState: 'IN_PROGRESS' as const }));
    sim.lastCompletedTaskDefinitionArn = undefined;
  }
  return sim;
};

const goodRunning = (sim: ServiceSim): number =>
  sim
    .live()
    .filter(
      (t) =>
        t.lastStatus === 'RUNNING' &&
        sim.deployments.find((d) => d.id === t.deploymentId)?.taskDefinitionArn === 'td:1',
    ).length;

/** Reconciles every second for `seconds`, returning the fewest good-revision RUNNING tasks seen. */
const play = (sim: ServiceSim, seconds: number): number => {
  let fewest = Number.POSITIVE_INFINITY;
  for (let s = 0; s < seconds; s++) {
    sim.reconcile();
    fewest = Math.min(fewest, goodRunning(sim));
    sim.advance(1);
  }
  return fewest;
};

describe('a failed rollout never takes the service down', () => {
  it('min 50 %: one young old task may go, the other serves until the rollback replaces it', () => {
    const sim = young(50, 5, true);
    const [original] = sim.deployments;
    const failing = sim.deploy('td:2');
    const first = sim.reconcile();
    // floor 1: the two RUNNING old tasks serve, so one may stop; the new ones do not count yet.
    expect(first.stops).toHaveLength(1);
    expect(first.launches).toEqual([{ deploymentId: failing.id, count: 2 }]);
    sim.advance(1);
    expect(play(sim, 120)).toBeGreaterThanOrEqual(1);
    const [rollback, ...rest] = sim.deployments;
    expect(rest).toEqual([]);
    expect(rollback).toMatchObject({ taskDefinitionArn: 'td:1', rolloutState: 'COMPLETED' });
    expect(rollback?.id).not.toBe(original?.id);
    expect(goodRunning(sim)).toBe(2);
    expect(sim.events).toContain(
      `(service web) (deployment ${failing.id}) deployment failed: tasks failed to start.`,
    );
    expect(sim.events.some((e) => e.startsWith('(service web) rolling back to deployment'))).toBe(true);
  });

  it('min 100 %: the old tasks are untouched until new ones are healthy (and these never are)', () => {
    const sim = young(100, 5, true);
    const old = sim.tasks.map((t) => t.taskArn);
    sim.deploy('td:2');
    // Until the rollback's own tasks are healthy, neither old task is stopped.
    for (let s = 0; s < 30; s++) {
      sim.reconcile();
      expect(sim.live().filter((t) => old.includes(t.taskArn) && t.lastStatus === 'RUNNING')).toHaveLength(2);
      sim.advance(1);
    }
    expect(play(sim, 120)).toBe(2);
    expect(sim.deployments).toEqual([
      expect.objectContaining({ taskDefinitionArn: 'td:1', rolloutState: 'COMPLETED' }),
    ]);
  });

  it('with no COMPLETED deployment to return to, the failed one stops launching and the old tasks keep serving', () => {
    const sim = young(50, 5, false);
    const failing = sim.deploy('td:2');
    expect(play(sim, 120)).toBeGreaterThanOrEqual(1);
    expect(sim.deployments.find((d) => d.id === failing.id)?.rolloutState).toBe('FAILED');
    expect(
      sim.deployments.every((d) => d.taskDefinitionArn !== 'td:1' || d.rolloutState !== 'COMPLETED'),
    ).toBe(true);
    const launchesAfter = sim.reconcile().launches;
    expect(launchesAfter).toEqual([]);
    expect(goodRunning(sim)).toBeGreaterThanOrEqual(1);
  });

  it('a deployment completes once its tasks run (HEALTHY with a health check), not 40 s later', () => {
    const sim = new ServiceSim(serviceConfig({ desiredCount: 2 }), { 'td:1': { startAfter: 2 } });
    sim.deploy('td:1');
    sim.reconcile();
    sim.advance(2);
    const plan = sim.reconcile();
    expect(plan.deployments[0]?.rolloutState).toBe('COMPLETED');
    expect(plan.steady).toBe(true);
  });
});
