import { describe, expect, it } from 'vitest';

import type { EcrTokenSource } from './ecr-client.js';
import type { ForwardTarget } from '../net/tcp-forwarder.js';
import { RegistryCredentials } from './registry-credentials.js';
import { RegistryImages, type Forwarder } from './registry-images.js';
import type { RegistryToken } from './registry-token.js';

const AWS_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0';
const EC2 = { launchType: 'EC2' } as const;

class FakeEcr implements EcrTokenSource {
  readonly regions: string[] = [];
  fail = false;
  getAuthorizationToken(region: string): Promise<RegistryToken> {
    this.regions.push(region);
    if (this.fail) return Promise.reject(new Error('UnknownOperationException'));
    return Promise.resolve({
      username: 'AWS',
      password: `pw-${region}`,
      expiresAtMs: Date.now() + 12 * 3600_000,
      proxyEndpoint: 'http://localhost:7471',
    });
  }
}

const setup = (endpoint = 'http://127.0.0.1:4566') => {
  const ecr = new FakeEcr();
  const targets: ForwardTarget[] = [];
  let closed = 0;
  const images = new RegistryImages({
    endpoint,
    region: 'us-east-1',
    credentials: new RegistryCredentials({ source: ecr, now: Date.now, log: () => undefined }),
    log: () => undefined,
    forwarderFor: (target): Forwarder => {
      targets.push(target);
      return { port: () => Promise.resolve(40123), close: () => Promise.resolve(void closed++) };
    },
  });
  return { ecr, images, targets, closedCount: () => closed };
};

describe('RegistryImages', () => {
  it('pulls an AWS-form image from the advertised registry with the token of the URI’s region', async () => {
    const { ecr, images } = setup();
    expect(await images.resolve(AWS_IMAGE, EC2)).toEqual({
      reference: 'localhost:7471/web:1.0',
      auth: { username: 'AWS', password: 'pw-eu-west-1', serveraddress: 'localhost:7471' },
    });
    expect(ecr.regions).toEqual(['eu-west-1']);
  });

  it('asks nothing about a Docker Hub or local image', async () => {
    const { ecr, images } = setup();
    expect(await images.resolve('berth-test/busybox:latest', EC2)).toEqual({
      reference: 'berth-test/busybox:latest',
    });
    expect(await images.resolve('busybox', EC2)).toEqual({ reference: 'busybox' });
    expect(ecr.regions).toEqual([]);
  });

  it('gives an image at the advertised host the agent region’s token; another host none', async () => {
    const { ecr, images } = setup();
    expect(await images.resolve('localhost:7471/web@sha256:abc', EC2)).toEqual({
      reference: 'localhost:7471/web@sha256:abc',
      auth: { username: 'AWS', password: 'pw-us-east-1', serveraddress: 'localhost:7471' },
    });
    expect(await images.resolve('127.0.0.1:5999/nope:latest', EC2)).toEqual({
      reference: '127.0.0.1:5999/nope:latest',
    });
    expect(ecr.regions).toEqual(['us-east-1']);
  });

  it('pulls a FARGATE task’s image without credentials unless it has an execution role', async () => {
    const { images } = setup();
    expect(await images.resolve('localhost:7471/web:1', { launchType: 'FARGATE' })).toEqual({
      reference: 'localhost:7471/web:1',
    });
    const withRole = { launchType: 'FARGATE', executionRoleArn: 'arn:aws:iam::123456789012:role/exec' };
    expect((await images.resolve('localhost:7471/web:1', withRole)).auth?.password).toBe('pw-us-east-1');
  });

  it('goes through one loopback forwarder when the control plane is on another host', async () => {
    const { images, targets, closedCount } = setup('http://berth.internal:4566');
    const first = await images.resolve(AWS_IMAGE, EC2);
    expect(first).toEqual({
      reference: '127.0.0.1:40123/web:1.0',
      auth: { username: 'AWS', password: 'pw-eu-west-1', serveraddress: '127.0.0.1:40123' },
    });
    await images.resolve('localhost:7471/other:2', EC2);
    expect(targets).toEqual([{ hostname: 'berth.internal', port: 7471 }]);
    await images.close();
    expect(closedCount()).toBe(1);
  });

  it('without ECR on the server: AWS form to the default registry port, no credentials', async () => {
    const { ecr, images } = setup();
    ecr.fail = true;
    expect(await images.resolve(AWS_IMAGE, EC2)).toEqual({ reference: '127.0.0.1:7471/web:1.0' });
    expect(await images.resolve('localhost:7471/web:1', EC2)).toEqual({ reference: 'localhost:7471/web:1' });
  });
});
