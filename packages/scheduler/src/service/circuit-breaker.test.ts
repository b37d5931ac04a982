import { describe, expect, it } from 'vitest';

import { circuitBreakerThreshold, countFailedTasks } from './circuit-breaker.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { ServiceSim as Sim } from './service-sim.test-support.js';
import { failedToStart, NOW, settings, task } from './service-task.test-support.js';
import type { ServicePlan } from './service-types.js';

describe('circuitBreakerThreshold', () => {
  it.each([
    [0, 3],
    [1, 3],
    [6, 3],
    [7, 4],
    [25, 13],
    [400, 200],
    [800, 200],
  ])('desired %i → %i', (desired, threshold) => expect(circuitBreakerThreshold(desired)).toBe(threshold));
});

describe('countFailedTasks', () => {
  const s = settings();
  const count = (tasks: Parameters<typeof countFailedTasks>[2], previous = 0): number =>
    countFailedTasks('ecs-svc/1', previous, tasks, s);

  it('stage 1: tasks that never reached RUNNING, except the scheduler’s and the user’s own stops', () => {
    const tasks = [
      failedToStart(NOW - 30),
      failedToStart(NOW - 20, { stopCode: 'EssentialContainerExited' }),
      failedToStart(NOW - 10, { stopCode: 'ServiceSchedulerInitiated' }),
      failedToStart(NOW - 5, { stopCode: 'UserInitiated' }),
      failedToStart(NOW - 5, { deploymentId: 'ecs-svc/other' }),
    ];
    expect(count(tasks)).toBe(2);
  });

  it('stage 2: tasks stopped while their health check said UNHEALTHY; and crashes before healthy', () => {
    const tasks = [
      task({
        hasHealthCheck: true,
        healthStatus: 'UNHEALTHY',
        desiredStatus: 'STOPPED',
        lastStatus: 'STOPPED',
        stoppedAt: NOW - 5,
        stopCode: 'ServiceSchedulerInitiated',
      }),
      task({
        startedAt: NOW - 20,
        desiredStatus: 'STOPPED',
        lastStatus: 'STOPPED',
        stoppedAt: NOW - 18,
        stopCode: 'EssentialContainerExited',
      }),
      // ran 100 s without a health check: it was healthy, so its exit is no failure — it resets
      task({
        startedAt: NOW - 200,
        desiredStatus: 'STOPPED',
        lastStatus: 'STOPPED',
        stoppedAt: NOW - 100,
        stopCode: 'EssentialContainerExited',
      }),
    ];
    expect(count(tasks)).toBe(2);
  });

  it('resets when a task becomes healthy: only later failures count', () => {
    const healthyAt = NOW - 100; // started NOW − 140, healthy 40 s later, still running
    const tasks = [
      failedToStart(NOW - 150),
      failedToStart(NOW - 120),
      task({ startedAt: healthyAt - 40 }),
      failedToStart(NOW - 50),
    ];
    expect(count(tasks)).toBe(1);
    expect(count(tasks, 7)).toBe(1);
  });

  it('never falls below the previous count while no reset is in sight (forgotten tasks)', () => {
    expect(count([failedToStart(NOW - 5)], 4)).toBe(4);
    expect(count([failedToStart(NOW - 5)], 0)).toBe(1);
  });

  it('is idempotent', () => {
    const tasks = [failedToStart(NOW - 9), failedToStart(NOW - 3)];
    expect(count(tasks, count(tasks))).toBe(count(tasks));
  });
});

const runUntil = (sim: Sim, done: (sim: Sim) => boolean, maxSteps = 400): ServicePlan[] => {
  const plans: ServicePlan[] = [];
  for (let i = 0; i < maxSteps && !done(sim); i++) {
    plans.push(sim.reconcile());
    sim.advance(5);
  }
  return plans;
};

describe('circuit breaker on a deployment whose tasks never start', () => {
  const start = (rollback: boolean, behaviour = { failAfter: 3 }): Sim => {
    const sim = ServiceSim.steady(
      serviceConfig({ desiredCount: 2, circuitBreaker: { enable: true, rollback } }),
      'td:good',
      { 'td:bad': behaviour },
    );
    sim.deploy('td:bad');
    return sim;
  };

  it('fails at the threshold and rolls back to the last COMPLETED task definition, which completes', () => {
    const sim = start(true);
    const [bad, good] = sim.deployments;
    const plans = runUntil(sim, (s) => s.deployments[0]?.taskDefinitionArn === 'td:good');
    const trip = plans.at(-1)!;
    const rollback = trip.deployments[0]!;
    expect(rollback).toMatchObject({
      id: sim.deployments[0]?.id,
      status: 'PRIMARY',
      taskDefinitionArn: 'td:good',
      rolloutState: 'IN_PROGRESS',
      desiredCount: 2,
      failedTasks: 0,
      rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${good?.id}.`,
    });
    expect(rollback.id).not.toBe(good?.id);
    expect(trip.launches).toEqual([{ deploymentId: rollback.id, count: 2 }]);
    // the failed deployment has no live task left, so it is INACTIVE and gone at once
    expect(trip.deployments.map((d) => d.id)).toEqual([rollback.id, good?.id]);
    expect(trip.events).toEqual([
      `(service web) (deployment ${bad?.id}) deployment failed: tasks failed to start.`,
      `(service web) rolling back to deployment ${rollback.id}.`,
    ]);
    const before = plans.at(-2)!.deployments.find((d) => d.id === bad?.id);
    expect(before).toMatchObject({ rolloutState: 'IN_PROGRESS' });
    expect(before?.failedTasks).toBeGreaterThanOrEqual(2);

    // the old deployment kept serving throughout (min 100 %), and the rollback completes
    runUntil(sim, (s) => s.deployments.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED');
    expect(sim.deployments).toEqual([
      expect.objectContaining({ id: rollback.id, rolloutState: 'COMPLETED' }),
    ]);
    expect(sim.events).toContain(`(service web) (deployment ${rollback.id}) deployment completed.`);
    expect(sim.live().every((t) => t.deploymentId === rollback.id)).toBe(true);
  });

  it('without rollback, the FAILED deployment stays PRIMARY and launches nothing more', () => {
    const sim = start(false);
    const [bad, good] = sim.deployments;
    runUntil(sim, (s) => s.deployments[0]?.rolloutState === 'FAILED');
    expect(sim.deployments[0]).toMatchObject({ id: bad?.id, status: 'PRIMARY', rolloutState: 'FAILED' });
    const launched = sim.tasks.length;
    for (let i = 0; i < 50; i++) {
      const plan = sim.reconcile();
      expect(plan.launches).toEqual([]);
      sim.advance(60);
    }
    expect(sim.tasks.length).toBe(launched);
    expect(sim.live().filter((t) => t.deploymentId === good?.id)).toHaveLength(2);
    expect(sim.events.filter((e) => e.includes('deployment failed'))).toHaveLength(1);
  });

  it('counts health-check failures after RUNNING (stage 2)', () => {
    const sim = start(true, { healthCheck: { health: 'UNHEALTHY', after: 10 } } as never);
    runUntil(sim, (s) => s.deployments.some((d) => d.rolloutState === 'FAILED'));
    expect(sim.events.some((e) => /\(task t\d+\) failed container health checks\.$/.test(e))).toBe(true);
    expect(sim.deployments[0]?.taskDefinitionArn).toBe('td:good');
  });

  it('counts containers that exit straight after starting', () => {
    const sim = start(true, { exitAfter: 2 } as never);
    runUntil(sim, (s) => s.deployments.some((d) => d.rolloutState === 'FAILED'));
    expect(sim.deployments[0]).toMatchObject({ taskDefinitionArn: 'td:good', status: 'PRIMARY' });
  });

  it('disabled: never fails the deployment, though failedTasks is still counted', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:good', {
      'td:bad': { failAfter: 3 },
    });
    sim.deploy('td:bad');
    runUntil(sim, () => false, 100);
    expect(sim.deployments[0]).toMatchObject({ taskDefinitionArn: 'td:bad', rolloutState: 'IN_PROGRESS' });
    expect(sim.deployments[0]?.failedTasks).toBeGreaterThanOrEqual(3);
  });

  it('a rollback deployment that fails too is not rolled back again', () => {
    const sim = ServiceSim.steady(
      serviceConfig({ desiredCount: 1, circuitBreaker: { enable: true, rollback: true } }),
      'td:good',
    );
    sim.deploy('td:bad');
    sim.behaviours['td:bad'] = { failAfter: 3 };
    sim.behaviours['td:good'] = { failAfter: 3 }; // the good image is gone now; running tasks live on
    runUntil(sim, (s) => s.deployments[0]?.rolloutState === 'FAILED');
    expect(sim.deployments[0]).toMatchObject({
      taskDefinitionArn: 'td:good',
      status: 'PRIMARY',
      rolloutState: 'FAILED',
    });
    expect(sim.events.filter((e) => e.includes('rolling back'))).toHaveLength(1);
  });
});
