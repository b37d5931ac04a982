import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compareTaskDefinitionArns } from './compare-task-definition-arns.js';

const arn = (family: string, revision: number): string =>
  `arn:aws:ecs:us-west-2:123456789012:task-definition/${family}:${revision}`;

describe('compareTaskDefinitionArns', () => {
  it('sorts ASC by family, then by revision numerically (the aws CLI example order)', () => {
    const listed = [
      arn('wordpress', 10),
      arn('sleep360', 1),
      arn('wordpress', 3),
      arn('sleep300', 2),
      arn('wordpress', 4),
    ];
    expect([...listed].sort((a, b) => compareTaskDefinitionArns(a, b))).toEqual([
      arn('sleep300', 2),
      arn('sleep360', 1),
      arn('wordpress', 3),
      arn('wordpress', 4),
      arn('wordpress', 10),
    ]);
  });

  it('DESC reverses both family and revision order', () => {
    const listed = [arn('a', 1), arn('a', 2), arn('b', 1)];
    expect([...listed].sort((x, y) => compareTaskDefinitionArns(x, y, 'DESC'))).toEqual([
      arn('b', 1),
      arn('a', 2),
      arn('a', 1),
    ]);
  });

  it('is a total order, and DESC is exactly ASC reversed (property)', () => {
    const arns = fc.uniqueArray(
      fc
        .tuple(fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/), fc.integer({ min: 1, max: 500 }))
        .map(([f, r]) => arn(f, r)),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arns, (list) => {
        const asc = [...list].sort((a, b) => compareTaskDefinitionArns(a, b, 'ASC'));
        const desc = [...list].sort((a, b) => compareTaskDefinitionArns(a, b, 'DESC'));
        expect(desc).toEqual([...asc].reverse());
        for (let i = 1; i < asc.length; i++) {
          expect(compareTaskDefinitionArns(asc[i - 1] ?? '', asc[i] ?? '')).toBeLessThan(0);
        }
      }),
    );
  });
});
