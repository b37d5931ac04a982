import { describe, expect, it } from 'vitest';

import { principalMatches } from './principal-matches.js';
import type { RequestPrincipal } from './policy-types.js';

const A = '123456789012';
const user: RequestPrincipal = { arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const session: RequestPrincipal = {
  arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
  accountId: A,
  roleArn: `arn:aws:iam::${A}:role/app`,
};
const service: RequestPrincipal = {
  arn: 'ecs-tasks.amazonaws.com',
  accountId: A,
  service: 'ecs-tasks.amazonaws.com',
};

describe('principalMatches', () => {
  it('"*" names everyone, AWS "*" every IAM principal', () => {
    for (const p of [user, session, service]) expect(principalMatches('*', p)).toBe(true);
    expect(principalMatches({ AWS: ['*'] }, user)).toBe(true);
    expect(principalMatches({ AWS: ['*'] }, service)).toBe(false);
  });

  it('names a caller by its ARN, its role, its account root or account id', () => {
    expect(principalMatches({ AWS: [user.arn] }, user)).toBe(true);
    expect(principalMatches({ AWS: [`arn:aws:iam::${A}:user/bob`] }, user)).toBe(false);
    expect(principalMatches({ AWS: [session.arn] }, session)).toBe(true);
    expect(principalMatches({ AWS: [`arn:aws:iam::${A}:role/app`] }, session)).toBe(true);
    expect(principalMatches({ AWS: [`arn:aws:iam::${A}:role/other`] }, session)).toBe(false);
    expect(principalMatches({ AWS: [`arn:aws:iam::${A}:root`] }, user)).toBe(true);
    expect(principalMatches({ AWS: [A] }, session)).toBe(true);
    expect(principalMatches({ AWS: ['arn:aws:iam::999999999999:root'] }, user)).toBe(false);
  });

  it('names services only by Service', () => {
    expect(principalMatches({ Service: ['ecs-tasks.amazonaws.com'] }, service)).toBe(true);
    expect(principalMatches({ Service: ['ecs.amazonaws.com'] }, service)).toBe(false);
    expect(principalMatches({ Service: ['ecs-tasks.amazonaws.com'] }, user)).toBe(false);
    expect(principalMatches({ AWS: [`arn:aws:iam::${A}:root`] }, service)).toBe(false);
  });
});
