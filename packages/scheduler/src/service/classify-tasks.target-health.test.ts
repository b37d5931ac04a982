import { describe, expect, it } from 'vitest';

import { countFailedTasks } from './circuit-breaker.js';
import { classifyTasks } from './classify-tasks.js';
import { serviceReasons } from './service-reasons.js';
import { NOW, settings, task } from './service-task.test-support.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

describe('classifyTasks behind a load balancer', () => {
  it('counts a RUNNING task healthy only once its targets are healthy, at once then', () => {
    const initial = task({ startedAt: NOW - 1, targetHealth: { state: 'initial' } });
    const healthy = task({ startedAt: NOW - 1, targetHealth: { state: 'healthy' } });
    const plain = task({ startedAt: NOW - 1 });
    const { live, stops } = classifyTasks([initial, healthy, plain], settings());
    expect(stops).toEqual([]);
    expect(live.map((l) => [l.healthy, l.steady])).toEqual([
      [false, false],
      [true, true],
      [false, true],
    ]);
  });

  it('also waits for the container health check when the task has one', () => {
    const t = task({ hasHealthCheck: true, healthStatus: 'UNKNOWN', targetHealth: { state: 'healthy' } });
    expect(classifyTasks([t], settings()).live[0]?.healthy).toBe(false);
  });

  it('replaces a task whose target is unhealthy past the grace period, and says why', () => {
    const sick = task({
      startedAt: NOW - 100,
      targetHealth: {
        state: 'unhealthy',
        targetGroupArn: TG,
        port: 8080,
        description: 'Health checks failed with these codes: [503]',
      },
    });
    const inGrace = classifyTasks([sick], settings({ healthCheckGracePeriodSeconds: 120 }));
    expect(inGrace.stops).toEqual([]);
    expect(inGrace.live[0]?.healthy).toBe(false);
    const { stops, events } = classifyTasks([sick], settings({ healthCheckGracePeriodSeconds: 60 }));
    expect(stops).toEqual([
      { taskArn: sick.taskArn, reason: `Task failed ELB health checks in (target-group ${TG})` },
    ]);
    expect(serviceReasons.isTargetHealthCheckFailure(stops[0]!.reason)).toBe(true);
    expect(events[0]).toBe(
      `(service web) (port 8080) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [503]). (task ${sick.taskArn.split('/').pop()})`,
    );
  });

  it('lets the circuit breaker count tasks stopped for failing the target health checks', () => {
    const stopped = task({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: NOW - 10,
      stopCode: 'ServiceSchedulerInitiated',
      stoppedForTargetHealth: true,
    });
    const scaledIn = task({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: NOW - 10,
      stopCode: 'ServiceSchedulerInitiated',
      startedAt: NOW - 20,
      targetHealth: { state: 'initial' },
    });
    expect(countFailedTasks('ecs-svc/1', 0, [stopped], settings())).toBe(1);
    expect(countFailedTasks('ecs-svc/1', 0, [stopped, scaledIn], settings())).toBe(1);
  });
});
