import type { HealthCheck } from '@berth/wire/ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException } from './fixtures.test-support.js';

const withCheck = (healthCheck: Partial<HealthCheck>) =>
  ec2Request({ healthCheck: healthCheck as HealthCheck });
const CMD = ['CMD-SHELL', 'wget -q -O /dev/null http://localhost/ || exit 1'];

describe('health checks', () => {
  it('the command starts with CMD or CMD-SHELL and has something to run', () => {
    const invalid = "Invalid 'healthCheck.command' setting for container 'web'.";
    for (const command of [[], ['curl', 'localhost'], ['CMD'], ['NONE'], 'CMD-SHELL true']) {
      expectClientException(withCheck({ command: command as string[] }), invalid);
    }
    expectClientException(withCheck({}), invalid);
    expect(() => build(withCheck({ command: ['CMD', '/bin/check', '--fast'] }))).not.toThrow();
  });

  const bounds = [
    ['interval', 5, 300],
    ['timeout', 2, 60],
    ['retries', 1, 10],
    ['startPeriod', 0, 300],
  ] as const;

  for (const [field, min, max] of bounds) {
    it(`${field} is ${min}–${max}`, () => {
      const invalid = `Invalid 'healthCheck.${field}' setting for container 'web'.`;
      expectClientException(withCheck({ command: CMD, [field]: min - 1 }), invalid);
      expectClientException(withCheck({ command: CMD, [field]: max + 1 }), invalid);
      expect(
        build(withCheck({ command: CMD, [field]: min })).containerDefinitions?.[0]?.healthCheck?.[field],
      ).toBe(min);
      expect(
        build(withCheck({ command: CMD, [field]: max })).containerDefinitions?.[0]?.healthCheck?.[field],
      ).toBe(max);
    });
  }

  it('any in-range settings register and round-trip (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 300 }),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 300 }),
        (interval, timeout, retries, startPeriod) => {
          const healthCheck = { command: CMD, interval, timeout, retries, startPeriod };
          expect(build(withCheck(healthCheck)).containerDefinitions?.[0]?.healthCheck).toEqual(healthCheck);
        },
      ),
      { numRuns: 50 },
    );
  });
});
