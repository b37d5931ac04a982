import { describe, expect, it } from 'vitest';

import { reconcileService } from './reconcile-service.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { ServiceConfig } from './service-types.js';

const daemon = (overrides: Partial<ServiceConfig> = {}): ServiceSim =>
  ServiceSim.steady(
    serviceConfig({
      serviceName: 'agent',
      schedulingStrategy: 'DAEMON',
      desiredCount: 0,
      minimumHealthyPercent: 0,
      maximumPercent: 100,
      ...overrides,
    }),
    'td:1',
  );

const perInstance = (sim: ServiceSim): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const t of sim.live()) counts[t.instanceArn] = (counts[t.instanceArn] ?? 0) + 1;
  return counts;
};

const settle = (sim: ServiceSim, maxSteps = 40): boolean => {
  for (let i = 0; i < maxSteps; i++) {
    const plan = sim.reconcile();
    expect(Math.max(0, ...Object.values(perInstance(sim)))).toBeLessThanOrEqual(1);
    if (plan.steady) return true;
    sim.advance(10);
  }
  return false;
};

describe('DAEMON services', () => {
  it('runs one task per eligible instance; desiredCount is the number of instances', () => {
    const sim = daemon();
    const plan = sim.reconcile();
    expect(plan).toMatchObject({ launches: [], stops: [], steady: true });
    expect(plan.deployments[0]?.desiredCount).toBe(3);
  });

  it('launches on an instance that joins, naming it', () => {
    const sim = daemon();
    const arn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/new';
    sim.instances.push({ arn, status: 'ACTIVE', agentConnected: true, silentFor: 0 });
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 1, instanceArn: arn }]);
    expect(plan.deployments[0]?.desiredCount).toBe(4);
    expect(settle(sim)).toBe(true);
    expect(Object.keys(perInstance(sim))).toHaveLength(4);
  });

  it('stops the task of an instance that drains, is deregistered or no longer meets the constraints', () => {
    const sim = daemon();
    const [a, b] = sim.instances;
    a!.status = 'DRAINING';
    b!.status = 'INACTIVE';
    const onA = sim.live().find((t) => t.instanceArn === a?.arn)!;
    const onB = sim.live().find((t) => t.instanceArn === b?.arn)!;
    const plan = sim.reconcile();
    expect(plan.stops).toEqual([
      { taskArn: onB.taskArn, reason: 'Container instance deregistered' },
      { taskArn: onA.taskArn, reason: 'Container instance is draining' },
    ]);
    expect(plan.launches).toEqual([]);
    expect(plan.deployments[0]?.desiredCount).toBe(1);
    expect(settle(sim)).toBe(true);

    // ACTIVE and connected, but filtered out by the caller: its constraints no longer match
    const snapshot = sim.snapshot();
    const plan2 = reconcileService({ ...snapshot, daemonInstances: [] });
    expect(plan2.stops).toEqual([
      {
        taskArn: sim.live()[0]?.taskArn,
        reason: `Scaling activity initiated by (deployment ${sim.deployments[0]?.id})`,
      },
    ]);
  });

  it('leaves the task of a briefly disconnected agent alone, without launching a second one', () => {
    const sim = daemon();
    sim.instances[0]!.agentConnected = false;
    sim.advance(20);
    const plan = sim.reconcile();
    expect(plan).toMatchObject({ launches: [], stops: [] });
    expect(plan.deployments[0]?.desiredCount).toBe(2);
  });

  it('deploys by stopping the old task, then starting the new one, instance by instance', () => {
    const sim = daemon();
    const v2 = sim.deploy('td:2');
    const first = sim.reconcile();
    expect(first.launches).toEqual([]);
    expect(first.stops).toHaveLength(3); // minimumHealthyPercent 0: every old task may go at once
    const second = sim.reconcile();
    expect(second.launches.map((l) => [l.deploymentId, l.count])).toEqual([
      [v2.id, 1],
      [v2.id, 1],
      [v2.id, 1],
    ]);
    expect(settle(sim)).toBe(true);
    expect(sim.deployments).toEqual([
      expect.objectContaining({ id: v2.id, rolloutState: 'COMPLETED', desiredCount: 3 }),
    ]);
  });

  it('deploys within minimumHealthyPercent 50: one instance at a time', () => {
    const sim = daemon({ minimumHealthyPercent: 50 });
    sim.deploy('td:2');
    const first = sim.reconcile();
    expect(first.stops).toHaveLength(1); // floor = ceil(3 × 50 %) = 2
    for (let i = 0; i < 40; i++) {
      sim.advance(10);
      sim.reconcile();
      expect(sim.healthyCount()).toBeGreaterThanOrEqual(2);
    }
    expect(settle(sim)).toBe(true);
  });

  it('is stuck with minimumHealthyPercent 100, and says so', () => {
    const sim = daemon({ minimumHealthyPercent: 100 });
    sim.deploy('td:2');
    const plan = sim.reconcile();
    expect(plan).toMatchObject({ launches: [], stops: [] });
    expect(plan.events).toEqual([
      '(service agent) was unable to stop or start tasks during a deployment because of the service deployment ' +
        'configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    ]);
  });
});
