import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MAX_PARAMETERS_PER_CALL, parametersCalls, secretValueCalls } from './secret-requests.js';

const A = 'arn:aws:secretsmanager:us-east-1:0:secret:a-AbCdEf';

describe('secretValueCalls', () => {
  it('asks once per secret, stage and version, whatever the JSON keys', () => {
    const calls = secretValueCalls([
      { kind: 'asm', secretId: A, region: 'us-east-1', jsonKey: 'user' },
      { kind: 'asm', secretId: A, region: 'us-east-1', jsonKey: 'password' },
      { kind: 'asm', secretId: A, region: 'us-east-1' },
      { kind: 'asm', secretId: A, region: 'us-east-1', versionStage: 'AWSPREVIOUS', jsonKey: 'x' },
      { kind: 'asm', secretId: A, region: 'us-east-1', versionId: 'v1' },
    ]);
    expect(calls.map((c) => [c.secretId, c.versionStage, c.versionId])).toEqual([
      [A, undefined, undefined],
      [A, 'AWSPREVIOUS', undefined],
      [A, undefined, 'v1'],
    ]);
  });
});

describe('parametersCalls', () => {
  it('batches distinct names per region, at most 10 a call', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: fc.stringMatching(/^\/p[0-9]{1,2}$/), region: fc.constantFrom('r1', 'r2') }),
        ),
        (refs) => {
          const calls = parametersCalls(refs.map((r) => ({ kind: 'ssm', ...r })));
          for (const call of calls) {
            expect(call.names.length).toBeGreaterThan(0);
            expect(call.names.length).toBeLessThanOrEqual(MAX_PARAMETERS_PER_CALL);
          }
          const asked = calls.flatMap((c) => c.names.map((n) => `${c.region}|${n}`));
          expect(new Set(asked).size).toBe(asked.length);
          expect(new Set(asked)).toEqual(new Set(refs.map((r) => `${r.region}|${r.name}`)));
          const regions = new Set(refs.map((r) => r.region));
          const minimum = [...regions].reduce(
            (n, region) =>
              n + Math.ceil(new Set(refs.filter((r) => r.region === region).map((r) => r.name)).size / 10),
            0,
          );
          expect(calls.length).toBe(minimum);
        },
      ),
    );
  });
});
