import type { ContainerDefinition } from '@berth/wire/ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

describe('container name', () => {
  it('is required', () => {
    expectClientException(ec2Request({ name: '' }), 'Container.name should not be null or empty.');
    const { name: _name, ...noName } = ec2Request().containerDefinitions[0] as ContainerDefinition;
    expectClientException(
      { family: 'app', containerDefinitions: [noName] },
      'Container.name should not be null or empty.',
    );
  });

  it('is 1–255 letters, numbers, hyphens and underscores', () => {
    for (const name of ['my container', 'web.1', 'x'.repeat(256)]) {
      expectClientException(ec2Request({ name }), 'Container.name contains invalid characters.');
    }
  });

  it('is unique in the task definition', () => {
    const container = { name: 'web', image: 'nginx', memory: 64 };
    expectClientException(
      { family: 'app', containerDefinitions: [container, { ...container }] },
      'Container names must be unique within a Task Definition.',
    );
  });
});

describe('container image', () => {
  it('is required', () => {
    expectClientException(ec2Request({ image: '' }), 'Container.image should not be null or empty.');
  });

  it('is at most 255 allowed characters, plus an optional sha256 digest', () => {
    expectClientException(
      ec2Request({ image: 'nginx latest' }),
      'Container.image contains invalid characters.',
    );
    expectClientException(
      ec2Request({ image: `r/${'x'.repeat(254)}` }),
      'Container.image contains invalid characters.',
    );
    expectClientException(
      ec2Request({ image: 'nginx@sha256:abc' }),
      'Container.image contains invalid characters.',
    );
    for (const image of [
      'busybox',
      'localhost:5000/team/app:1.2#build',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:' + 'a'.repeat(64),
      'x'.repeat(255),
    ]) {
      expect(build(ec2Request({ image })).containerDefinitions?.[0]?.image).toBe(image);
    }
  });

  it('an ECR image on Fargate needs an execution role', () => {
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1';
    expectClientException(
      fargateRequest({ image }),
      'Fargate requires task definition to have execution role ARN to support ECR images.',
    );
    expect(() =>
      build(fargateRequest({ image }, { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' })),
    ).not.toThrow();
    expect(
      build(ec2Request({ image }, { networkMode: 'awsvpc', cpu: '256', memory: '512' })).compatibilities,
    ).toEqual(['EC2']);
  });
});

describe('essential containers', () => {
  it('every task needs one (essential defaults to true)', () => {
    expectClientException(
      ec2Request({ essential: false }),
      "Task definition doesn't have any essential container.",
    );
    expect(build(ec2Request()).containerDefinitions?.[0]?.essential).toBe(true);
  });
});

describe('container memory and cpu', () => {
  it('without task memory, each container needs memory or memoryReservation', () => {
    expectClientException(
      ec2Request({ memory: undefined }),
      "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.",
    );
    expect(() => build(ec2Request({ memory: undefined, memoryReservation: 64 }))).not.toThrow();
    expect(() => build(ec2Request({ memory: undefined }, { memory: '512' }))).not.toThrow();
  });

  it('memory and memoryReservation are at least 6 MiB', () => {
    expectClientException(ec2Request({ memory: 5 }), "Invalid 'memory' setting for container 'web'.");
    expectClientException(
      ec2Request({ memoryReservation: 4 }),
      "Invalid 'memoryReservation' setting for container 'web'.",
    );
    expect(build(ec2Request({ memory: 6 })).containerDefinitions?.[0]?.memory).toBe(6);
  });

  it('memoryReservation is at most memory', () => {
    expectClientException(
      ec2Request({ memory: 128, memoryReservation: 256 }),
      "Invalid setting for container 'web'. 'memoryReservation' must be less than or equal to 'memory'.",
    );
    expect(() => build(ec2Request({ memory: 128, memoryReservation: 128 }))).not.toThrow();
  });

  it('container memory is at most the task memory', () => {
    expectClientException(
      ec2Request({ memory: 1024 }, { memory: '512' }),
      "The 'memory' setting for container 'web' is greater than for the task.",
    );
  });

  it('cpu is a non-negative integer, defaulting to 0', () => {
    expectClientException(ec2Request({ cpu: -1 }), "Invalid 'cpu' setting for container 'web'.");
    expectClientException(ec2Request({ cpu: 1.5 }), "Invalid 'cpu' setting for container 'web'.");
    expect(build(ec2Request()).containerDefinitions?.[0]?.cpu).toBe(0);
  });

  it('accepts any valid memory/reservation pair (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 1 << 20 }), fc.integer({ min: 6, max: 1 << 20 }), (a, b) => {
        const [memoryReservation, memory] = a <= b ? [a, b] : [b, a];
        expect(() => build(ec2Request({ memory, memoryReservation }))).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});

describe('container timeouts', () => {
  it('stopTimeout is at most 120 s on Fargate, unbounded on EC2', () => {
    expectClientException(
      fargateRequest({ stopTimeout: 121 }),
      "Invalid 'stopTimeout' setting for container 'web'.",
    );
    expect(build(fargateRequest({ stopTimeout: 120 })).containerDefinitions?.[0]?.stopTimeout).toBe(120);
    expect(build(ec2Request({ stopTimeout: 600 })).containerDefinitions?.[0]?.stopTimeout).toBe(600);
    expectClientException(
      ec2Request({ stopTimeout: -1 }),
      "Invalid 'stopTimeout' setting for container 'web'.",
    );
  });

  it('startTimeout is 2–120 s on Fargate', () => {
    expectClientException(
      fargateRequest({ startTimeout: 1 }),
      "Invalid 'startTimeout' setting for container 'web'.",
    );
    expectClientException(
      fargateRequest({ startTimeout: 121 }),
      "Invalid 'startTimeout' setting for container 'web'.",
    );
    expect(() => build(fargateRequest({ startTimeout: 2 }))).not.toThrow();
  });
});

describe('network-mode restrictions', () => {
  it('hostname is not supported in awsvpc mode', () => {
    expectClientException(
      fargateRequest({ hostname: 'web' }),
      'hostname is not supported on container when networkMode=awsvpc.',
    );
    expect(build(ec2Request({ hostname: 'web' })).containerDefinitions?.[0]?.hostname).toBe('web');
  });

  it('links are only supported in bridge mode', () => {
    const containers = [
      { name: 'web', image: 'nginx', memory: 128, links: ['db'] },
      { name: 'db', image: 'postgres', memory: 256 },
    ];
    for (const networkMode of ['awsvpc', 'host', 'none'] as const) {
      expectClientException(
        { family: 'app', networkMode, containerDefinitions: containers },
        `Links are not supported when networkMode=${networkMode}.`,
      );
    }
    expect(
      build({ family: 'app', containerDefinitions: containers }).containerDefinitions?.[0]?.links,
    ).toEqual(['db']);
  });

  it('privileged containers are refused on Fargate', () => {
    expectClientException(
      fargateRequest({ privileged: true }),
      "Invalid 'privileged' setting for container 'web'.",
    );
    expect(build(ec2Request({ privileged: true })).containerDefinitions?.[0]?.privileged).toBe(true);
  });
});
