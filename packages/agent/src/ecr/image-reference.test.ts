import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { registryCandidate, sameHost, splitRegistryHost } from './image-reference.js';

const ACCOUNT = '123456789012';

describe('registryCandidate', () => {
  it.each([
    [`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web:1.2`, 'us-east-1', 'web:1.2'],
    [`${ACCOUNT}.dkr.ecr.eu-west-3.amazonaws.com/team/api`, 'eu-west-3', 'team/api'],
    [`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/web:latest`, 'cn-north-1', 'web:latest'],
    [`${ACCOUNT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com/web`, 'us-gov-west-1', 'web'],
    [
      `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/web@sha256:${'a'.repeat(64)}`,
      'us-west-2',
      `web@sha256:${'a'.repeat(64)}`,
    ],
  ])('takes %s for an ECR image of its own region', (image, region, path) => {
    expect(registryCandidate(image, 'ap-south-1')).toEqual({
      kind: 'aws',
      registryId: ACCOUNT,
      region,
      path,
    });
  });

  it.each([
    ['localhost:7471/web:latest', 'localhost:7471', 'web:latest'],
    ['127.0.0.1:7471/team/web@sha256:abc', '127.0.0.1:7471', 'team/web@sha256:abc'],
    ['registry.example.com/web', 'registry.example.com', 'web'],
    ['localhost/web', 'localhost', 'web'],
  ])('asks about %s in the agent’s region (it may be the advertised host)', (image, host, path) => {
    expect(registryCandidate(image, 'us-east-1')).toEqual({ kind: 'host', region: 'us-east-1', host, path });
  });

  it.each([
    'busybox',
    'busybox:1.36',
    'berth-test/busybox:latest',
    'library/nginx@sha256:abc',
    // Not 12 digits, or not ECR's domain: hosts to be compared, never the AWS form.
    `12345.dkr.ecr.us-east-1.amazonaws.com/web`,
  ])('%s is no AWS-form ECR image', (image) => {
    expect(registryCandidate(image, 'us-east-1')?.kind).not.toBe('aws');
  });

  it('never asks about a reference without an explicit registry host', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9_-]{1,12}(\/[a-z0-9_-]{1,12})?(:[a-z0-9_.-]{1,10})?$/),
        (image) => {
          expect(registryCandidate(image, 'us-east-1')).toBeUndefined();
        },
      ),
    );
  });

  it('keeps the account, region and path (repository and tag or digest) of any AWS-form reference', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom('us-east-1', 'eu-central-1', 'ap-southeast-2'),
        fc.stringMatching(/^[a-z0-9]+(\/[a-z0-9-]+)?(:[a-z0-9.]+|@sha256:[0-9a-f]{64})?$/),
        (account, region, path) => {
          const image = `${account}.dkr.ecr.${region}.amazonaws.com/${path}`;
          expect(registryCandidate(image, 'us-west-1')).toEqual({
            kind: 'aws',
            registryId: account,
            region,
            path,
          });
        },
      ),
    );
  });
});

describe('splitRegistryHost and sameHost', () => {
  it('follows Docker’s rule for the first component', () => {
    expect(splitRegistryHost('my.host/x')).toEqual(['my.host', 'x']);
    expect(splitRegistryHost('host:5000/x:1')).toEqual(['host:5000', 'x:1']);
    expect(splitRegistryHost('team/x')).toBeUndefined();
    expect(splitRegistryHost('localhost:7471/')).toBeUndefined();
  });

  it('compares hosts without case', () => {
    expect(sameHost('LOCALHOST:7471', 'localhost:7471')).toBe(true);
    expect(sameHost('localhost:7471', '127.0.0.1:7471')).toBe(false);
  });
});
