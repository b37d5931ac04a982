import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException } from './fixtures.test-support.js';

const ROLE = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' };
const bad = (settings: object) => ec2Request(settings);

describe('environment', () => {
  it('each variable has a name', () => {
    expectClientException(
      bad({ environment: [{ value: 'x' }] }),
      "Invalid 'environment' setting for container 'web'.",
    );
    expectClientException(bad({ environment: 'A=1' }), "Invalid 'environment' setting for container 'web'.");
    expect(
      build(ec2Request({ environment: [{ name: 'A', value: '1' }] })).containerDefinitions?.[0]?.environment,
    ).toEqual([{ name: 'A', value: '1' }]);
  });

  it('environment files: at most 10, type s3', () => {
    const file = { value: 'arn:aws:s3:::bucket/app.env', type: 's3' as const };
    expectClientException(
      ec2Request({ environmentFiles: Array.from({ length: 11 }, () => file) }),
      "Invalid 'environmentFiles' setting for container 'web'.",
    );
    expectClientException(
      bad({ environmentFiles: [{ value: 'x', type: 'http' }] }),
      "1 validation error detected: Value 'http' at 'containerDefinitions.1.member.environmentFiles.1.member.type' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [s3]',
    );
    expect(() => build(ec2Request({ environmentFiles: [file] }))).not.toThrow();
  });
});

describe('secrets', () => {
  it('each secret has a name and valueFrom', () => {
    expectClientException(
      ec2Request({ secrets: [{ name: 'DB' } as never] }, ROLE),
      "Invalid 'secrets' setting for container 'web'.",
    );
  });

  it('secrets need an execution role', () => {
    const secrets = [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }];
    expectClientException(
      ec2Request({ secrets }),
      "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
    );
    expect(build(ec2Request({ secrets }, ROLE)).containerDefinitions?.[0]?.secrets).toEqual(secrets);
  });
});

describe('ulimits', () => {
  it('names come from the Ulimit enum', () => {
    expectClientException(
      bad({ ulimits: [{ name: 'files', softLimit: 1, hardLimit: 1 }] }),
      "1 validation error detected: Value 'files' at 'containerDefinitions.1.member.ulimits.1.member.name' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [core, cpu, data, fsize, locks, memlock, ' +
        'msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack]',
    );
  });

  it('the soft limit is at most the hard limit; each name once', () => {
    expectClientException(
      ec2Request({ ulimits: [{ name: 'nofile', softLimit: 2048, hardLimit: 1024 }] }),
      "Invalid 'ulimits' setting for container 'web'.",
    );
    expectClientException(
      ec2Request({
        ulimits: [
          { name: 'nofile', softLimit: 1, hardLimit: 1 },
          { name: 'nofile', softLimit: 2, hardLimit: 2 },
        ],
      }),
      "Invalid 'ulimits' setting for container 'web'.",
    );
    expect(() =>
      build(ec2Request({ ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }] })),
    ).not.toThrow();
  });
});

describe('shapes of references', () => {
  it('links are `name` or `name:alias`', () => {
    expectClientException(bad({ links: ['db:alias:x'] }), "Invalid 'links' setting for container 'web'.");
  });

  it('mount points need a containerPath', () => {
    expectClientException(
      bad({ mountPoints: [{ sourceVolume: 'v' }] }),
      "Invalid 'mountPoints' setting for container 'web'.",
    );
  });

  it('dependsOn needs a containerName and a condition from the enum', () => {
    expectClientException(
      bad({ dependsOn: [{ condition: 'START' }] }),
      "Invalid 'dependsOn' setting for container 'web'.",
    );
    expectClientException(
      bad({ dependsOn: [{ containerName: 'db', condition: 'READY' }] }),
      "1 validation error detected: Value 'READY' at 'containerDefinitions.1.member.dependsOn.1.member.condition' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [START, COMPLETE, SUCCESS, HEALTHY]',
    );
  });

  it('docker labels are a map of strings', () => {
    expectClientException(
      bad({ dockerLabels: { a: 1 } }),
      "Invalid 'dockerLabels' setting for container 'web'.",
    );
    expect(
      build(ec2Request({ dockerLabels: { team: 'web' } })).containerDefinitions?.[0]?.dockerLabels,
    ).toEqual({
      team: 'web',
    });
  });
});
