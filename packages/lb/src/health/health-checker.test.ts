import { describe, expect, it } from 'vitest';

import { HealthChecker, type HealthCheckSettings, type TargetHealthChange } from './health-checker.js';
import type { HttpProbeRequest, HttpProbeResult } from './http-prober.js';

const settings: HealthCheckSettings = {
  protocol: 'HTTP',
  path: '/health',
  intervalMs: 20,
  timeoutMs: 10,
  healthyThresholdCount: 2,
  unhealthyThresholdCount: 2,
  matcher: '200',
};

/** A prober whose answer per port the test sets, counting the probes. */
const fakeProber = () => {
  const status = new Map<number, number>();
  const probes: HttpProbeRequest[] = [];
  const probe = (request: HttpProbeRequest): Promise<HttpProbeResult> => {
    probes.push(request);
    const code = status.get(request.port) ?? 200;
    return Promise.resolve({ ok: request.matcher(code), statusCode: code });
  };
  return { status, probes, probe };
};

const waitFor = async (what: string, check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('HealthChecker', () => {
  it('walks targets through initial, healthy and unhealthy, emitting each visible change', async () => {
    const fake = fakeProber();
    const changes: TargetHealthChange[] = [];
    const checker = new HealthChecker({ onChange: (c) => changes.push(c), probe: fake.probe });
    checker.setTargetGroup('tg', settings, [
      { key: 'a', address: '127.0.0.1', port: 1 },
      { key: 'b', address: '127.0.0.1', port: 2 },
    ]);
    fake.status.set(2, 503);
    checker.start();
    await waitFor('a healthy, b unhealthy', () => {
      const health = checker.health('tg');
      return health.get('a')?.state === 'healthy' && health.get('b')?.state === 'unhealthy';
    });
    const b = changes.filter((c) => c.targetKey === 'b').map((c) => c.current.reason);
    expect(b).toEqual([
      'Elb.RegistrationInProgress',
      'Elb.InitialHealthChecking',
      'Target.ResponseCodeMismatch',
    ]);
    expect(checker.health('tg').get('b')?.description).toBe('Health checks failed with these codes: [503]');

    fake.status.set(2, 200);
    await waitFor('b healthy again', () => checker.health('tg').get('b')?.state === 'healthy');
    await checker.stop();
  });

  it('stops checking removed targets and leaves no timer after stop', async () => {
    const fake = fakeProber();
    const checker = new HealthChecker({ onChange: () => undefined, probe: fake.probe });
    checker.setTargetGroup('tg', settings, [{ key: 'a', address: '127.0.0.1', port: 1 }]);
    checker.start();
    await waitFor('a few probes', () => fake.probes.length >= 3);
    checker.setTargetGroup('tg', settings, [{ key: 'c', address: '127.0.0.1', port: 3 }]);
    expect([...checker.health('tg').keys()]).toEqual(['c']);
    await waitFor('c probed', () => fake.probes.some((p) => p.port === 3));
    const probedA = fake.probes.filter((p) => p.port === 1).length;
    await checker.stop();
    const count = fake.probes.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.probes.length).toBe(count);
    expect(fake.probes.filter((p) => p.port === 1).length).toBe(probedA);
  });

  it('rejects an invalid matcher with the ELBv2 error', () => {
    const checker = new HealthChecker({ onChange: () => undefined });
    expect(() => checker.setTargetGroup('tg', { ...settings, matcher: '600' }, [])).toThrow(/200-499/);
  });
});
