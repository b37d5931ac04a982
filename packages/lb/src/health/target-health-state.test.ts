import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  applyCheckOutcome,
  drainingTargetHealth,
  healthChecksStarted,
  registeredTargetHealth,
  type CheckOutcome,
  type TargetHealth,
} from './target-health-state.js';

const thresholds = { healthyThresholdCount: 3, unhealthyThresholdCount: 2 };
const pass: CheckOutcome = { kind: 'pass' };
const code503: CheckOutcome = { kind: 'code-mismatch', statusCode: 503 };
const run = (health: TargetHealth, outcomes: readonly CheckOutcome[], t = thresholds): TargetHealth =>
  outcomes.reduce((h, o) => applyCheckOutcome(h, o, t), health);

const outcome = fc.oneof(
  fc.constant<CheckOutcome>({ kind: 'pass' }),
  fc.constant<CheckOutcome>({ kind: 'timeout' }),
  fc.constant<CheckOutcome>({ kind: 'connection-error' }),
  fc
    .integer({ min: 100, max: 599 })
    .map<CheckOutcome>((statusCode) => ({ kind: 'code-mismatch', statusCode })),
);
const limits = fc.record({
  healthyThresholdCount: fc.integer({ min: 2, max: 10 }),
  unhealthyThresholdCount: fc.integer({ min: 2, max: 10 }),
});

describe('target health state machine', () => {
  it('starts in registration, then initial health checking', () => {
    expect(registeredTargetHealth()).toMatchObject({
      state: 'initial',
      reason: 'Elb.RegistrationInProgress',
      description: 'Target registration is in progress',
    });
    expect(healthChecksStarted(registeredTargetHealth())).toMatchObject({
      state: 'initial',
      reason: 'Elb.InitialHealthChecking',
      description: 'Initial health checks in progress',
    });
  });

  it('needs one pass from initial, with no reason once healthy', () => {
    const health = run(healthChecksStarted(registeredTargetHealth()), [pass]);
    expect(health.state).toBe('healthy');
    expect(health.reason).toBeUndefined();
    expect(health.description).toBeUndefined();
  });

  it('turns unhealthy after the unhealthy threshold, with the reason of the last failure', () => {
    const healthy = run(registeredTargetHealth(), [pass]);
    expect(run(healthy, [code503]).state).toBe('healthy');
    expect(run(healthy, [code503, code503])).toMatchObject({
      state: 'unhealthy',
      reason: 'Target.ResponseCodeMismatch',
      description: 'Health checks failed with these codes: [503]',
    });
    expect(run(healthy, [code503, { kind: 'timeout' }])).toMatchObject({
      reason: 'Target.Timeout',
      description: 'Request timed out',
    });
    expect(run(healthy, [code503, { kind: 'connection-error' }])).toMatchObject({
      reason: 'Target.FailedHealthChecks',
      description: 'Health checks failed',
    });
  });

  it('needs the healthy threshold of consecutive passes to recover', () => {
    const unhealthy = run(registeredTargetHealth(), [code503, code503]);
    expect(unhealthy.state).toBe('unhealthy');
    expect(run(unhealthy, [pass, pass]).state).toBe('unhealthy');
    expect(run(unhealthy, [pass, pass, code503, pass, pass]).state).toBe('unhealthy');
    expect(run(unhealthy, [pass, pass, pass]).state).toBe('healthy');
  });

  it('leaves draining targets alone', () => {
    expect(run(drainingTargetHealth(), [pass, code503, code503])).toEqual(drainingTargetHealth());
  });

  it('never turns unhealthy on fewer consecutive failures than the threshold (property)', () => {
    fc.assert(
      fc.property(limits, fc.array(outcome, { maxLength: 40 }), (t, outcomes) => {
        let health = run(registeredTargetHealth(), [pass], t);
        let failures = 0;
        let passes = 0;
        for (const o of outcomes) {
          const before = health;
          health = applyCheckOutcome(health, o, t);
          failures = o.kind === 'pass' ? 0 : failures + 1;
          passes = o.kind === 'pass' ? passes + 1 : 0;
          if (before.state === 'healthy' && health.state === 'unhealthy')
            expect(failures).toBe(t.unhealthyThresholdCount);
          if (before.state === 'unhealthy' && health.state === 'healthy')
            expect(passes).toBe(t.healthyThresholdCount);
          expect(health.state === 'healthy').toBe(health.reason === undefined);
          expect(['healthy', 'unhealthy']).toContain(health.state);
        }
      }),
    );
  });

  it('an initial target leaves initial on its first pass or its threshold of failures (property)', () => {
    fc.assert(
      fc.property(limits, fc.array(outcome, { minLength: 1, maxLength: 20 }), (t, outcomes) => {
        let health = healthChecksStarted(registeredTargetHealth());
        for (const [i, o] of outcomes.entries()) {
          const before = health;
          health = applyCheckOutcome(health, o, t);
          if (before.state !== 'initial') continue;
          if (o.kind === 'pass') expect(health.state).toBe('healthy');
          else expect(health.state).toBe(i + 1 >= t.unhealthyThresholdCount ? 'unhealthy' : 'initial');
        }
      }),
    );
  });
});
