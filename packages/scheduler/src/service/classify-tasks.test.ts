import { describe, expect, it } from 'vitest';

import { classifyTasks } from './classify-tasks.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import { NOW, settings, task } from './service-task.test-support.js';

describe('classifyTasks', () => {
  const s = settings({ healthCheckGracePeriodSeconds: 60 });

  it('counts RUNNING and PENDING tasks with desired RUNNING; STOPPED or stopping ones are gone', () => {
    const tasks = [
      task(),
      task({ lastStatus: 'PROVISIONING' }),
      task({ lastStatus: 'ACTIVATING' }),
      task({ desiredStatus: 'STOPPED' }),
      task({ lastStatus: 'DEACTIVATING' }),
      task({ lastStatus: 'STOPPED', stoppedAt: NOW }),
    ];
    const { live, stops } = classifyTasks(tasks, s);
    expect(live.map((l) => [l.task.lastStatus, l.running])).toEqual([
      ['RUNNING', true],
      ['PROVISIONING', false],
      ['ACTIVATING', false],
    ]);
    expect(stops).toEqual([]);
  });

  it('healthy: 40 s after starting without a health check, HEALTHY with one', () => {
    const healthy = (t: ReturnType<typeof task>): boolean | undefined =>
      classifyTasks([t], s).live[0]?.healthy;
    expect(healthy(task({ startedAt: NOW - 40 }))).toBe(true);
    expect(healthy(task({ startedAt: NOW - 39 }))).toBe(false);
    expect(healthy(task({ hasHealthCheck: true, healthStatus: 'HEALTHY', startedAt: NOW - 1 }))).toBe(true);
    expect(healthy(task({ hasHealthCheck: true, healthStatus: 'UNKNOWN' }))).toBe(false);
    expect(healthy(task({ lastStatus: 'PENDING' }))).toBe(false);
  });

  it('stops UNHEALTHY tasks once past the grace period, and says so', () => {
    const sick = task({ hasHealthCheck: true, healthStatus: 'UNHEALTHY', startedAt: NOW - 60 });
    const young = task({ hasHealthCheck: true, healthStatus: 'UNHEALTHY', startedAt: NOW - 59 });
    const { live, stops, events } = classifyTasks([sick, young], s);
    expect(stops).toEqual([{ taskArn: sick.taskArn, reason: 'Task failed container health checks' }]);
    expect(events).toEqual([
      `(service web) (task ${sick.taskArn.split('/').at(-1)}) failed container health checks.`,
    ]);
    expect(live.map((l) => [l.task.taskArn, l.healthy])).toEqual([[young.taskArn, false]]);
  });

  it('presumes tasks on a lost agent or a deregistered instance gone', () => {
    const lost = task({ agentConnected: false, agentSilentForSeconds: 60 });
    const away = task({ agentConnected: false, agentSilentForSeconds: 59 });
    const deregistered = task({ instanceStatus: 'INACTIVE' });
    const { live, stops } = classifyTasks([lost, away, deregistered], s);
    expect(stops).toEqual([
      { taskArn: lost.taskArn, reason: 'Container instance lost: its agent stopped reporting' },
      { taskArn: deregistered.taskArn, reason: 'Container instance deregistered' },
    ]);
    expect(live.map((l) => l.task.taskArn)).toEqual([away.taskArn]);
  });

  it('stops PENDING tasks on a DRAINING instance at once and marks RUNNING ones for replacement', () => {
    const pending = task({ instanceStatus: 'DRAINING', lastStatus: 'PENDING' });
    const running = task({ instanceStatus: 'DRAINING' });
    const { live, stops } = classifyTasks([pending, running], s);
    expect(stops).toEqual([{ taskArn: pending.taskArn, reason: 'Container instance is draining' }]);
    expect(live.map((l) => [l.task.taskArn, l.draining])).toEqual([[running.taskArn, true]]);
  });
});

describe('replacing failed tasks', () => {
  it('replaces a task that fails its health check, respecting the grace period', () => {
    const sim = ServiceSim.steady(
      serviceConfig({ desiredCount: 2, healthCheckGracePeriodSeconds: 30 }),
      'td:1',
      {
        'td:1': { healthCheck: { health: 'HEALTHY', after: 5 } },
      },
    );
    const [first] = sim.tasks;
    first!.healthStatus = 'UNHEALTHY';
    const plan = sim.reconcile();
    const id = first!.taskArn.split('/').at(-1);
    expect(plan.stops).toEqual([{ taskArn: first!.taskArn, reason: 'Task failed container health checks' }]);
    expect(plan.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 1 }]);
    expect(plan.events).toEqual([
      `(service web) (task ${id}) failed container health checks.`,
      `(service web) has stopped 1 running tasks: (task ${id}).`,
    ]);
    expect(plan.deployments[0]?.rolloutState).toBe('COMPLETED');

    // the replacement reports UNHEALTHY as soon as it runs; it is left alone for the 30 s grace period
    sim.behaviours['td:1'] = { healthCheck: { health: 'UNHEALTHY', after: 0 } };
    const replacement = sim.tasks.at(-1)!;
    let stoppedAt: number | undefined;
    let unhealthyChecks = 0;
    for (let i = 0; i < 20 && stoppedAt === undefined; i++) {
      sim.advance(5);
      if (replacement.healthStatus === 'UNHEALTHY') unhealthyChecks += 1;
      if (sim.reconcile().stops.some((x) => x.taskArn === replacement.taskArn)) stoppedAt = sim.now;
    }
    expect(unhealthyChecks).toBeGreaterThan(1);
    expect((stoppedAt ?? 0) - (replacement.startedAt ?? 0)).toBe(30);
  });

  it('replaces tasks whose instance agent is lost, after the timeout', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 3 }), 'td:1');
    const instance = sim.instances[0]!;
    const onIt = sim.live().filter((t) => t.instanceArn === instance.arn);
    expect(onIt).toHaveLength(1);
    instance.agentConnected = false;
    sim.advance(30);
    expect(sim.reconcile()).toMatchObject({ stops: [], launches: [] });
    sim.advance(30);
    const plan = sim.reconcile();
    expect(plan.stops).toEqual([
      { taskArn: onIt[0]!.taskArn, reason: 'Container instance lost: its agent stopped reporting' },
    ]);
    expect(plan.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 1 }]);
    expect(sim.live().filter((t) => t.instanceArn === instance.arn)).toHaveLength(0);
  });
});
