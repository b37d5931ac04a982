import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseValueFrom, regionOfArn } from './value-from.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf';

describe('parseValueFrom', () => {
  it('takes a whole Secrets Manager secret in the region of its ARN', () => {
    expect(parseValueFrom(SECRET, 'us-east-1')).toEqual({
      kind: 'asm',
      secretId: SECRET,
      region: 'eu-west-1',
    });
  });

  it.each([
    [`${SECRET}:password::`, { jsonKey: 'password' }],
    [`${SECRET}:password:AWSPREVIOUS:`, { jsonKey: 'password', versionStage: 'AWSPREVIOUS' }],
    [`${SECRET}::AWSPREVIOUS:`, { versionStage: 'AWSPREVIOUS' }],
    [`${SECRET}:::v-123`, { versionId: 'v-123' }],
    [`${SECRET}:user:AWSCURRENT:v-1`, { jsonKey: 'user', versionStage: 'AWSCURRENT', versionId: 'v-1' }],
    [`${SECRET}:password`, { jsonKey: 'password' }],
  ])('reads the json-key:version-stage:version-id suffix of %s', (valueFrom, parts) => {
    expect(parseValueFrom(valueFrom, 'us-east-1')).toEqual({
      kind: 'asm',
      secretId: SECRET,
      region: 'eu-west-1',
      ...parts,
    });
  });

  it('takes a parameter name in the task region and a parameter ARN in its own', () => {
    expect(parseValueFrom('/app/db', 'us-east-1')).toEqual({
      kind: 'ssm',
      name: '/app/db',
      region: 'us-east-1',
    });
    expect(parseValueFrom('plain', 'us-east-1')).toEqual({ kind: 'ssm', name: 'plain', region: 'us-east-1' });
    const arn = 'arn:aws:ssm:ap-south-1:123456789012:parameter/app/db';
    expect(parseValueFrom(arn, 'us-east-1')).toEqual({ kind: 'ssm', name: arn, region: 'ap-south-1' });
  });

  it('refuses an ARN of another service', () => {
    const parsed = parseValueFrom('arn:aws:s3:::bucket/key', 'us-east-1');
    expect(parsed.kind).toBe('invalid');
  });

  it('keeps any json key, stage and id of a secret ARN apart from the ARN itself', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,20}$/),
        part,
        part,
        part,
        (name, key, stage, id) => {
          const arn = `arn:aws:secretsmanager:us-west-2:000000000000:secret:${name}`;
          const parsed = parseValueFrom(`${arn}:${key}:${stage}:${id}`, 'us-east-1');
          expect(parsed).toEqual({
            kind: 'asm',
            secretId: arn,
            region: 'us-west-2',
            ...(key ? { jsonKey: key } : {}),
            ...(stage ? { versionStage: stage } : {}),
            ...(id ? { versionId: id } : {}),
          });
        },
      ),
    );
  });
});

describe('regionOfArn', () => {
  it('reads the region of a task ARN, else falls back', () => {
    expect(regionOfArn('arn:aws:ecs:eu-central-1:0:task/c/1', 'x')).toBe('eu-central-1');
    expect(regionOfArn('name', 'us-east-1')).toBe('us-east-1');
  });
});
