import { describe, expect, it } from 'vitest';

import { reconcileService } from './reconcile-service.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import { NOW, task } from './service-task.test-support.js';
import type { ServiceTask } from './service-types.js';

describe('reconcileService', () => {
  it('is deterministic: the same snapshot gives the same plan', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 4, minimumHealthyPercent: 50 }), 'td:1');
    sim.deploy('td:2');
    for (let i = 0; i < 12; i++) {
      const snapshot = sim.snapshot();
      const copy = structuredClone(snapshot);
      const plan = reconcileService(snapshot);
      expect(reconcileService(copy)).toEqual(plan);
      expect(snapshot).toEqual(copy); // and it does not touch its input
      sim.apply(plan);
      sim.advance(10);
    }
  });

  it('scales out without a new deployment: the COMPLETED PRIMARY stays COMPLETED', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:1');
    sim.service = { ...sim.service, desiredCount: 5 };
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 3 }]);
    expect(plan.deployments[0]).toMatchObject({
      desiredCount: 5,
      rolloutState: 'COMPLETED',
      updatedAt: sim.now,
    });
    expect(plan.steady).toBe(false);
  });

  it('scales in: PENDING tasks first, then the newest (ties by ARN)', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 3, minimumHealthyPercent: 0 }), 'td:1');
    const v1 = sim.deployments[0]!;
    sim.service = { ...sim.service, desiredCount: 5 };
    sim.reconcile(); // t4, t5
    sim.advance(5);
    sim.advance(40); // t4, t5 RUNNING and healthy, newer than t1–t3
    sim.service = { ...sim.service, desiredCount: 7 };
    sim.reconcile(); // t6, t7 PENDING
    const [t1, t2, , t4, t5, t6, t7] = sim.live().map((t) => t.taskArn);
    sim.service = { ...sim.service, desiredCount: 1 };
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([]);
    expect(plan.stops.map((s) => s.taskArn)).toEqual([t6, t7, t4, t5, t1, t2]);
    expect(plan.stops[0]?.reason).toBe(`Scaling activity initiated by (deployment ${v1.id})`);
    // only RUNNING tasks are reported stopped
    expect(plan.events[0]).toMatch(/^\(service web\) has stopped 4 running tasks: /);
  });

  it('scales in: older deployments go before the PRIMARY’s tasks, within the floor', () => {
    const sim = new ServiceSim(serviceConfig({ desiredCount: 3, minimumHealthyPercent: 100 }));
    const v1 = sim.deploy('td:1');
    const v2 = sim.deploy('td:2');
    const at = (deploymentId: string, createdAt: number): ServiceTask =>
      task({ deploymentId, createdAt, startedAt: createdAt + 1 });
    const tasks = [
      at(v1.id, NOW - 900),
      at(v1.id, NOW - 800),
      ...[500, 400, 300, 200].map((age) => at(v2.id, NOW - age)),
    ];
    const plan = reconcileService({ ...sim.snapshot(), now: NOW, tasks });
    // healthy 6, floor 3: both old tasks, then the PRIMARY's newest
    expect(plan.stops.map((s) => s.taskArn)).toEqual([
      tasks[1]?.taskArn,
      tasks[0]?.taskArn,
      tasks[5]?.taskArn,
    ]);
    expect(plan.deployments.map((d) => d.id)).toEqual([v2.id]);
    expect(plan.deployments[0]?.rolloutState).toBe('COMPLETED');
  });

  it('never scales in below the floor', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 4, minimumHealthyPercent: 100 }), 'td:1');
    sim.deploy('td:2');
    sim.service = { ...sim.service, desiredCount: 2 };
    const plan = sim.reconcile();
    // floor = 2: two old tasks may go now, the other two once new ones are healthy
    expect(plan.stops).toHaveLength(2);
    expect(plan.launches).toEqual([]); // ceiling 4 is full
  });

  it('a DRAINING (deleted) service stops everything at once', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 3 }), 'td:1');
    sim.deploy('td:2');
    sim.reconcile();
    sim.service = { ...sim.service, status: 'DRAINING', desiredCount: 0 };
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([]);
    expect(plan.stops).toHaveLength(6);
    expect(plan.stops.every((s) => s.reason === 'Service deleted')).toBe(true);
    expect(plan.events).toEqual([expect.stringMatching(/^\(service web\) has stopped 3 running tasks: /)]);
    expect(plan.deployments).toEqual([expect.objectContaining({ status: 'PRIMARY', desiredCount: 0 })]);
    expect(plan.steady).toBe(false);
    expect(plan.drained).toBe(false);
    expect(sim.reconcile().drained).toBe(true);
  });

  it('a DRAINING service is drained once every task is STOPPING or later, or lost with its agent', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:1');
    sim.service = { ...sim.service, status: 'DRAINING', desiredCount: 0 };
    const [a, b] = sim.tasks;
    Object.assign(a!, { desiredStatus: 'STOPPED', lastStatus: 'RUNNING' });
    Object.assign(b!, { desiredStatus: 'STOPPED', lastStatus: 'STOPPING' });
    expect(reconcileService(sim.snapshot()).drained).toBe(false);
    Object.assign(a!, { lastStatus: 'DEPROVISIONING' });
    expect(reconcileService(sim.snapshot()).drained).toBe(true);
    Object.assign(a!, { lastStatus: 'RUNNING' });
    sim.instances.forEach((i) => Object.assign(i, { agentConnected: false, silentFor: 60 }));
    expect(reconcileService(sim.snapshot()).drained).toBe(true);
    sim.service = { ...sim.service, status: 'ACTIVE' };
    expect(reconcileService(sim.snapshot()).drained).toBe(false);
  });

  it('treats tasks of a deployment no longer listed as old, and the newest PRIMARY as the PRIMARY', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2, minimumHealthyPercent: 50 }), 'td:1');
    const v2 = sim.deploy('td:2');
    sim.deployments = [v2, { ...v2, id: 'ecs-svc/0000000000000000000', createdAt: v2.createdAt - 10 }];
    const plan = sim.reconcile();
    expect(plan.deployments.map((d) => [d.id, d.status])).toEqual([[v2.id, 'PRIMARY']]);
    expect(plan.stops).toHaveLength(1);
    expect(plan.launches).toEqual([{ deploymentId: v2.id, count: 2 }]);
  });

  it('a new service with desired 0 completes at once', () => {
    const sim = new ServiceSim(serviceConfig({ desiredCount: 0 }));
    const v1 = sim.deploy('td:1');
    const plan = sim.reconcile();
    expect(plan.deployments[0]).toMatchObject({
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${v1.id} completed.`,
    });
    expect(plan.events).toEqual([
      `(service web) (deployment ${v1.id}) deployment completed.`,
      '(service web) has reached a steady state.',
    ]);
    expect(plan.steady).toBe(true);
  });

  it('without any deployment, only replaces what died', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 2 }), 'td:1');
    sim.deployments = [];
    sim.instances[0]!.status = 'INACTIVE';
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([]);
    expect(plan.stops).toHaveLength(1);
    expect(plan.deployments).toEqual([]);
  });
});
