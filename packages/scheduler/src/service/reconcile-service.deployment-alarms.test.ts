/**
 * Deployment alarms: a deployment fails when one of its alarms goes into ALARM while it is
 * IN_PROGRESS (and rolls back when asked to), through the circuit breaker's failure path; an alarm
 * already in ALARM when the deployment first sees it counts only once it has left ALARM.
 */
import { describe, expect, it } from 'vitest';

import { serviceReasons } from './service-reasons.js';
import { serviceConfig, ServiceSim } from './service-sim.test-support.js';
import type { AlarmStateValue, ServicePlan } from './service-types.js';
import { reconcileService } from './reconcile-service.js';

const slow = { startAfter: 1 };

const sim = (rollback: boolean): ServiceSim =>
  ServiceSim.steady(
    serviceConfig({ desiredCount: 2, deploymentAlarms: { alarmNames: ['errors', 'latency'], rollback } }),
    'td:1',
    { 'td:2': slow },
  );

const step = (s: ServiceSim, states: Record<string, AlarmStateValue>): ServicePlan => {
  const plan = reconcileService({ ...s.snapshot(), alarmStates: states });
  s.apply(plan);
  s.advance(1);
  return plan;
};

describe('deployment alarms', () => {
  it('fail an IN_PROGRESS deployment whose alarm goes into ALARM, and roll back to the last COMPLETED one', () => {
    const s = sim(true);
    const failing = s.deploy('td:2');
    step(s, { errors: 'OK', latency: 'INSUFFICIENT_DATA' });
    const plan = step(s, { errors: 'ALARM', latency: 'OK' });
    // The failed deployment's tasks stop at once (the old revision still serves), so it leaves the
    // list behind its rollback, which says why it started.
    expect(plan.deployments.some((d) => d.id === failing.id)).toBe(false);
    const primary = plan.deployments.find((d) => d.status === 'PRIMARY');
    expect(primary).toMatchObject({
      taskDefinitionArn: 'td:1',
      rolloutState: 'IN_PROGRESS',
      rollbackOf: {
        deploymentId: failing.id,
        reason: serviceReasons.alarmsFailed(['errors']),
        triggeredAlarms: ['errors'],
      },
    });
    expect(serviceReasons.isRollback(primary?.rolloutStateReason ?? '')).toBe(true);
    expect(plan.events).toEqual(
      expect.arrayContaining([
        `(service web) (deployment ${failing.id}) deployment failed: alarm detected (errors).`,
        `(service web) rolling back to deployment ${primary?.id ?? ''}.`,
      ]),
    );
  });

  it('without rollback, fail the deployment and start nothing more of it', () => {
    const s = sim(false);
    const failing = s.deploy('td:2');
    step(s, { errors: 'OK' });
    const plan = step(s, { latency: 'ALARM' });
    expect(plan.deployments.find((d) => d.status === 'PRIMARY')).toMatchObject({
      id: failing.id,
      rolloutState: 'FAILED',
      rolloutStateReason: serviceReasons.alarmsFailed(['latency']),
      alarms: { triggered: ['latency'] },
    });
    expect(step(s, { latency: 'ALARM' }).launches).toEqual([]);
  });

  it('ignore an alarm already in ALARM when the deployment starts, until it leaves ALARM', () => {
    const s = sim(true);
    const deployment = s.deploy('td:2');
    const primaryOf = (p: ServicePlan) => p.deployments.find((d) => d.id === deployment.id);
    expect(primaryOf(step(s, { errors: 'ALARM' }))).toMatchObject({
      rolloutState: 'IN_PROGRESS',
      alarms: { alreadyInAlarm: ['errors'] },
    });
    expect(primaryOf(step(s, { errors: 'ALARM' }))?.rolloutState).toBe('IN_PROGRESS');
    expect(primaryOf(step(s, { errors: 'OK' }))?.rolloutState).toBe('IN_PROGRESS');
    const failed = step(s, { errors: 'ALARM' });
    expect(primaryOf(failed)).toBeUndefined();
    expect(failed.deployments.find((d) => d.status === 'PRIMARY')?.rollbackOf?.deploymentId).toBe(
      deployment.id,
    );
  });

  it('decide nothing before the alarm states are known', () => {
    const s = sim(true);
    const deployment = s.deploy('td:2');
    const plan = reconcileService(s.snapshot());
    expect(plan.deployments.find((d) => d.id === deployment.id)).not.toHaveProperty('alarms');
  });
});
