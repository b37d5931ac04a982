import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { expectApiError } from './fixtures.test-support.js';
import { parseTaskDefinitionReference } from './task-definition-reference.js';

const P = { accountId: '123456789012', region: 'us-east-1' };
const parse = (text: unknown) => parseTaskDefinitionReference(text, P);

describe('parseTaskDefinitionReference', () => {
  it('accepts a family (latest ACTIVE revision)', () => {
    expect(parse('web-app')).toEqual({ family: 'web-app' });
  });

  it('accepts family:revision', () => {
    expect(parse('web-app:12')).toEqual({ family: 'web-app', revision: 12 });
  });

  it('accepts a full ARN, with or without the revision', () => {
    expect(parse('arn:aws:ecs:us-east-1:123456789012:task-definition/web-app:3')).toEqual({
      family: 'web-app',
      revision: 3,
    });
    expect(parse('arn:aws:ecs:us-east-1:123456789012:task-definition/web-app')).toEqual({
      family: 'web-app',
    });
  });

  it('rejects a revision that is not a positive integer (InvalidParameterException)', () => {
    for (const text of ['web:0', 'web:abc', 'web:', 'web:1:2', 'web:-1', 'web:1.5', 'web:5}']) {
      expectApiError(() => parse(text), 'InvalidParameterException', 'Invalid revision number.');
    }
  });

  it('rejects a blank reference', () => {
    for (const text of ['', ':3', undefined]) {
      expectApiError(() => parse(text), 'InvalidParameterException', 'Task Definition can not be blank.');
    }
  });

  it('rejects an ARN that is not a task definition ARN', () => {
    for (const text of [
      'arn:aws:ecs:us-east-1:123456789012:cluster/default',
      'arn:aws:ecs:us-east-1:123456789012:task-definition/a/b:1',
      'arn:aws:iam::123456789012:role/x',
      'arn:nonsense',
    ]) {
      expectApiError(() => parse(text), 'InvalidParameterException', 'Task Definition Identifier is invalid');
    }
  });

  it('rejects an ARN of another account or region', () => {
    expectApiError(
      () => parse('arn:aws:ecs:us-east-1:210987654321:task-definition/web:1'),
      'InvalidParameterException',
      'Identifier is for 210987654321. Your accountId is 123456789012',
    );
    expectApiError(
      () => parse('arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1'),
      'InvalidParameterException',
      'Identifier is for eu-west-1. Your region is us-east-1',
    );
  });

  it('round-trips every family:revision and ARN (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z0-9_-]{1,255}$/),
        fc.integer({ min: 1, max: 1_000_000 }),
        (family, revision) => {
          expect(parse(`${family}:${revision}`)).toEqual({ family, revision });
          expect(parse(`arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`)).toEqual({
            family,
            revision,
          });
        },
      ),
    );
  });
});
