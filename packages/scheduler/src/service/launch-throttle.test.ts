import { describe, expect, it } from 'vitest';

import { launchBackoff, launchThrottle } from './launch-throttle.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import { failedToStart, NOW, settings, task } from './service-task.test-support.js';
import type { DeploymentState } from './service-types.js';

const THROTTLED = '(service web) is unable to consistently start tasks successfully.';

const deployment = (overrides: Partial<DeploymentState> = {}): DeploymentState => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinitionArn: 'td:1',
  desiredCount: 1,
  rolloutState: 'IN_PROGRESS',
  rolloutStateReason: '',
  failedTasks: 0,
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  failedLaunches: 0,
  nextLaunchAt: 0,
  ...overrides,
});

describe('launchBackoff', () => {
  it('doubles from the base and caps at 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 8, 9, 10, 500].map((k) => launchBackoff(k, 5))).toEqual([
      0, 5, 10, 20, 40, 640, 900, 900, 900,
    ]);
  });
});

describe('launchThrottle', () => {
  const s = settings();

  it('counts consecutive launches that never ran and waits from the last one', () => {
    const tasks = [failedToStart(NOW - 30), failedToStart(NOW - 20), failedToStart(NOW - 8)];
    expect(launchThrottle(deployment(), tasks, s)).toEqual({
      failedLaunches: 3,
      nextLaunchAt: NOW - 8 + 20,
      throttled: true,
    });
    expect(launchThrottle(deployment(), tasks, settings({ now: NOW + 12 })).throttled).toBe(false);
  });

  it('resets when a task reaches RUNNING, whatever happens to it afterwards', () => {
    const tasks = [
      failedToStart(NOW - 30),
      task({
        startedAt: NOW - 25,
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stoppedAt: NOW - 24,
        stopCode: 'EssentialContainerExited',
      }),
      failedToStart(NOW - 10),
    ];
    expect(launchThrottle(deployment(), tasks, s)).toMatchObject({
      failedLaunches: 1,
      nextLaunchAt: NOW - 5,
    });
    expect(launchThrottle(deployment({ failedLaunches: 9 }), tasks.slice(0, 2), s)).toEqual({
      failedLaunches: 0,
      nextLaunchAt: 0,
      throttled: false,
    });
  });

  it('ignores the scheduler’s and the user’s own stops, and other deployments’ tasks', () => {
    const tasks = [
      failedToStart(NOW - 3, { stopCode: 'ServiceSchedulerInitiated' }),
      failedToStart(NOW - 3, { stopCode: 'UserInitiated' }),
      failedToStart(NOW - 3, { deploymentId: 'ecs-svc/2' }),
    ];
    expect(launchThrottle(deployment(), tasks, s).failedLaunches).toBe(0);
  });

  it('keeps the previous count and deadline once the failures are forgotten', () => {
    const previous = deployment({ failedLaunches: 12, nextLaunchAt: NOW + 300 });
    expect(launchThrottle(previous, [], s)).toEqual({
      failedLaunches: 12,
      nextLaunchAt: NOW + 300,
      throttled: true,
    });
  });
});

describe('launch throttle in a service', () => {
  it('backs off more and more, up to 15 minutes, and starts afresh on a new deployment', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 1, minimumHealthyPercent: 0 }), 'td:good', {
      'td:broken': { failAfter: 2 },
    });
    sim.deploy('td:broken');
    const launchedAt: number[] = [];
    let throttledEvents = 0;
    while (sim.now < 1_000_000 + 6000) {
      const plan = sim.reconcile();
      if (plan.launches.length > 0) launchedAt.push(sim.now);
      if (plan.events.includes(THROTTLED)) throttledEvents += 1;
      sim.advance(1);
    }
    const gaps = launchedAt.slice(1).map((t, i) => t - (launchedAt[i] ?? 0));
    // each launch fails 2 s in; the k-th failure waits min(900, 5 × 2^(k−1)) s
    expect(gaps.slice(0, 10)).toEqual([7, 12, 22, 42, 82, 162, 322, 642, 902, 902]);
    expect(throttledEvents).toBeGreaterThan(0);
    expect(sim.deployments[0]?.failedLaunches).toBeGreaterThanOrEqual(10);

    sim.deploy('td:good');
    const plan = sim.reconcile();
    expect(plan.launches).toEqual([{ deploymentId: sim.deployments[0]?.id, count: 1 }]);
    expect(plan.events).not.toContain(THROTTLED);
  });

  it('resets once a task of the deployment reaches RUNNING', () => {
    const sim = ServiceSim.steady(serviceConfig({ desiredCount: 1, minimumHealthyPercent: 0 }), 'td:good', {
      'td:flaky': { failAfter: 2 },
    });
    sim.deploy('td:flaky');
    for (let i = 0; i < 40; i++) {
      sim.reconcile();
      sim.advance(1);
    }
    expect(sim.deployments[0]?.failedLaunches).toBeGreaterThanOrEqual(3);
    sim.behaviours['td:flaky'] = { startAfter: 1 }; // the registry is back
    for (let i = 0; i < 200 && sim.deployments[0]?.rolloutState !== 'COMPLETED'; i++) {
      sim.reconcile();
      sim.advance(5);
    }
    expect(sim.deployments[0]).toMatchObject({
      failedLaunches: 0,
      nextLaunchAt: 0,
      rolloutState: 'COMPLETED',
    });
  });
});
