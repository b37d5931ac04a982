import type { RegisterTaskDefinitionRequest } from '@berth/wire/ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

const loose = (request: object): RegisterTaskDefinitionRequest => request as RegisterTaskDefinitionRequest;

describe('family', () => {
  it('is required', () => {
    expectClientException(loose({ ...ec2Request(), family: '' }), 'Family can not be blank.');
    const { family: _family, ...noFamily } = ec2Request();
    expectClientException(loose(noFamily), 'Family can not be blank.');
  });

  it('is 1–255 letters, numbers, hyphens and underscores', () => {
    for (const family of ['web app', 'web.app', 'app:1', 'a/b', 'x'.repeat(256)]) {
      expectClientException({ ...ec2Request(), family }, 'Family contains invalid characters.');
    }
    expect(() => build({ ...ec2Request(), family: `A-z_0${'x'.repeat(250)}` })).not.toThrow();
  });

  it('accepts any name made of the allowed characters (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9_-]{1,255}$/), (family) => {
        expect(build({ ...ec2Request(), family }).family).toBe(family);
      }),
      { numRuns: 50 },
    );
  });
});

describe('containerDefinitions', () => {
  it('must not be empty', () => {
    expectClientException({ ...ec2Request(), containerDefinitions: [] }, 'Container list cannot be empty.');
    expectClientException(loose({ family: 'app' }), 'Container list cannot be empty.');
  });

  it('holds at most 10 containers', () => {
    const containers = Array.from({ length: 11 }, (_, i) => ({
      name: `c${i}`,
      image: 'busybox',
      memory: 32,
    }));
    expectClientException({ family: 'app', containerDefinitions: containers }, 'Too many containers.');
    expect(() => build({ family: 'app', containerDefinitions: containers.slice(0, 10) })).not.toThrow();
  });
});

describe('enumerations', () => {
  it('networkMode is bridge, host, awsvpc or none', () => {
    expectClientException(
      loose(ec2Request({}, { networkMode: 'nat' as never })),
      "1 validation error detected: Value 'nat' at 'networkMode' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [bridge, host, awsvpc, none]',
    );
  });

  it('requiresCompatibilities items are EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES', () => {
    expectClientException(
      ec2Request({}, { requiresCompatibilities: ['EC2', 'LAMBDA' as never] }),
      "1 validation error detected: Value 'LAMBDA' at 'requiresCompatibilities.2.member' failed to satisfy " +
        'constraint: Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]',
    );
  });

  it('pidMode is host or task; ipcMode host, task or none', () => {
    expectClientException(
      ec2Request({}, { pidMode: 'container' as never }),
      "1 validation error detected: Value 'container' at 'pidMode' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [host, task]',
    );
    expectClientException(
      ec2Request({}, { ipcMode: 'shareable' as never }),
      "1 validation error detected: Value 'shareable' at 'ipcMode' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [host, task, none]',
    );
    expect(build(ec2Request({}, { pidMode: 'host', ipcMode: 'none' }))).toMatchObject({
      pidMode: 'host',
      ipcMode: 'none',
    });
  });
});

describe('task size', () => {
  it('cpu must parse as CPU units or vCPUs', () => {
    for (const cpu of ['lots', '1.5 cores', '0', '-256', '0.1 vCPU']) {
      expectClientException(ec2Request({}, { cpu }), "Invalid 'cpu' setting for task.");
    }
  });

  it('memory must parse as MiB or GB', () => {
    for (const memory of ['big', '512 MB', '0', '0.3 GB']) {
      expectClientException(ec2Request({}, { memory }), "Invalid 'memory' setting for task.");
    }
  });

  it('EC2 task cpu is 128–196608 units', () => {
    expectClientException(ec2Request({}, { cpu: '127' }), "Invalid 'cpu' setting for task.");
    expectClientException(ec2Request({}, { cpu: '196609' }), "Invalid 'cpu' setting for task.");
    expect(build(ec2Request({}, { cpu: '128' })).cpu).toBe('128');
    expect(build(ec2Request({}, { cpu: '192 vCPU' })).cpu).toBe('196608');
  });
});

describe('ephemeralStorage', () => {
  it('is 21–200 GiB', () => {
    for (const sizeInGiB of [20, 201, 21.5]) {
      expectClientException(
        fargateRequest({}, { ephemeralStorage: { sizeInGiB } }),
        "Invalid 'ephemeralStorage.sizeInGiB' setting for task.",
      );
    }
    expect(build(fargateRequest({}, { ephemeralStorage: { sizeInGiB: 21 } })).ephemeralStorage).toEqual({
      sizeInGiB: 21,
    });
    expect(build(fargateRequest({}, { ephemeralStorage: { sizeInGiB: 200 } })).ephemeralStorage).toEqual({
      sizeInGiB: 200,
    });
  });
});
