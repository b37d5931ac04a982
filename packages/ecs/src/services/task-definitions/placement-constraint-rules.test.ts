import type { TaskDefinitionPlacementConstraint } from '@berth/wire/ecs';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException } from './fixtures.test-support.js';

const withConstraints = (...placementConstraints: TaskDefinitionPlacementConstraint[]) =>
  ec2Request({}, { placementConstraints });
const memberOf = (expression: string): TaskDefinitionPlacementConstraint => ({
  type: 'memberOf',
  expression,
});

describe('task definition placement constraints', () => {
  it('are memberOf only', () => {
    expectClientException(
      withConstraints({ type: 'distinctInstance' as never }),
      "1 validation error detected: Value 'distinctInstance' at 'placementConstraints.1.member.type' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [memberOf]',
    );
  });

  it('need an expression of at most 2,000 characters', () => {
    const invalid = "Invalid 'expression' setting for placement constraint.";
    expectClientException(withConstraints({ type: 'memberOf' }), invalid);
    expectClientException(withConstraints(memberOf('x'.repeat(2001))), invalid);
    expect(
      build(withConstraints(memberOf('attribute:ecs.instance-type =~ t3.*'))).placementConstraints,
    ).toEqual([memberOf('attribute:ecs.instance-type =~ t3.*')]);
  });

  it('number at most 10', () => {
    const ten = Array.from({ length: 10 }, (_, i) => memberOf(`attribute:n == ${i}`));
    expect(build(withConstraints(...ten)).placementConstraints).toHaveLength(10);
    expectClientException(
      withConstraints(...ten, memberOf('attribute:n == 10')),
      'Too many placement constraints.',
    );
  });

  it('default to an empty list', () => {
    expect(build(ec2Request()).placementConstraints).toEqual([]);
  });
});
