import type { TaskReport } from '@berth/wire/agent';
import { afterEach, describe, expect, it } from 'vitest';

import type { EcrTokenSource } from '../ecr/ecr-client.js';
import { RegistryCredentials, RegistryImages } from '../ecr/index.js';
import type { RegistryToken } from '../ecr/registry-token.js';
import { TaskAddresses } from '../host/task-addresses.js';
import { FakeRuntime } from '../test-support/fake-runtime.test-support.js';
import type { ImagePullBehavior } from '../runtime/container-runtime.js';
import {
  aTask,
  testAddressBlock,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import { TaskEngine } from './task-engine.js';

const PASSWORD = 'registry-password';
const DIGEST = `sha256:${'d'.repeat(64)}`;
const AWS_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0';

class FakeEcr implements EcrTokenSource {
  readonly regions: string[] = [];
  getAuthorizationToken(region: string): Promise<RegistryToken> {
    this.regions.push(region);
    return Promise.resolve({
      username: 'AWS',
      password: PASSWORD,
      expiresAtMs: Date.now() + 12 * 3600_000,
      proxyEndpoint: 'http://localhost:7471',
    });
  }
}

/** The engine over a fake runtime whose "registry" refuses pulls of localhost:7471 without the password. */
const setup = (imagePullBehavior: ImagePullBehavior = 'default') => {
  const runtime = new FakeRuntime();
  runtime.pullRule = (image, options) => {
    if (!image.startsWith('localhost:7471/') || options.auth?.password === PASSWORD)
      return { digest: DIGEST };
    const [repo, tag] = image.slice('localhost:7471/'.length).split(':');
    return { refused: `Head "http://localhost:7471/v2/${repo}/manifests/${tag}": no basic auth credentials` };
  };
  const ecr = new FakeEcr();
  const images = new RegistryImages({
    endpoint: 'http://127.0.0.1:4566',
    region: 'us-east-1',
    credentials: new RegistryCredentials({ source: ecr, now: Date.now, log: () => undefined }),
    log: () => undefined,
  });
  const reports: TaskReport[] = [];
  const instanceArn = uniqueInstanceArn('registry-images');
  const engine = new TaskEngine({
    runtime,
    containerInstanceArn: instanceArn,
    clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/berth-test',
    config: { imagePullBehavior, resyncIntervalSeconds: 1 },
    report: (r) => reports.push(r),
    now: Date.now,
    log: () => undefined,
    addresses: new TaskAddresses(testAddressBlock(instanceArn), runtime),
    images,
  });
  const reportOf = (taskArn: string, status: TaskReport['status']): Promise<TaskReport> =>
    waitUntil(
      () => reports.filter((r) => r.task === taskArn).find((r) => r.status === status),
      5_000,
      () => `${status}: ${JSON.stringify(reports.filter((r) => r.task === taskArn).at(-1))}`,
    );
  return { runtime, ecr, engine, images, reportOf };
};

let shutdown: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await shutdown?.();
  shutdown = undefined;
});

describe('TaskEngine: registry (ECR) images', () => {
  it('pulls and creates an AWS-form image from the local registry, with the agent’s token', async () => {
    const { runtime, engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: AWS_IMAGE, essential: true }]);
    engine.applyDesired([task]);
    const running = await reportOf(task.taskArn, 'RUNNING');
    expect(runtime.pulls).toEqual([
      {
        image: 'localhost:7471/web:1.0',
        behavior: 'default',
        options: { auth: { username: 'AWS', password: PASSWORD, serveraddress: 'localhost:7471' } },
      },
    ]);
    expect(runtime.created.map((s) => s.image)).toEqual(['localhost:7471/web:1.0']);
    expect(running.containers[0]?.imageDigest).toBe(DIGEST);
  });

  it('a FARGATE task without an execution role pulls without credentials and stops refused', async () => {
    const { runtime, engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: 'localhost:7471/private:1', essential: true }], {
      launchType: 'FARGATE',
    });
    engine.applyDesired([task]);
    const stopped = await reportOf(task.taskArn, 'STOPPED');
    const reason =
      'CannotPullContainerError: Error response from daemon: ' +
      'Head "http://localhost:7471/v2/private/manifests/1": no basic auth credentials';
    expect(stopped).toMatchObject({ stopCode: 'TaskFailedToStart', reason });
    expect(stopped.containers[0]?.reason).toBe(reason);
    expect(runtime.pulls).toEqual([{ image: 'localhost:7471/private:1', behavior: 'default', options: {} }]);
    expect(runtime.created).toEqual([]);
  });

  it('the same FARGATE task with an execution role pulls with the token and runs', async () => {
    const { runtime, engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: 'localhost:7471/private:1', essential: true }], {
      launchType: 'FARGATE',
      executionRoleArn: 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole',
    });
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    expect(runtime.pulls[0]?.options.auth?.password).toBe(PASSWORD);
  });

  it('pulls any other image as written, asking ECR nothing', async () => {
    const { runtime, ecr, engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'box', image: 'berth-test/busybox:latest', essential: true }]);
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    expect(runtime.pulls).toEqual([{ image: 'berth-test/busybox:latest', behavior: 'default', options: {} }]);
    expect(runtime.created.map((s) => s.image)).toEqual(['berth-test/busybox:latest']);
    expect(ecr.regions).toEqual([]);
  });

  it('prefer-cached: an image the host holds under the definition’s name runs without a pull', async () => {
    const { runtime, ecr, engine, reportOf } = setup('prefer-cached');
    runtime.cached = (image) => image === AWS_IMAGE;
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: AWS_IMAGE, essential: true }]);
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    expect(runtime.pulls).toEqual([{ image: AWS_IMAGE, behavior: 'prefer-cached', options: {} }]);
    expect(runtime.created.map((s) => s.image)).toEqual([AWS_IMAGE]);
    expect(ecr.regions).toEqual(['us-east-1']);
  });

  it('default: a refused registry pull falls back to the image cached under the definition’s name', async () => {
    const { runtime, engine, reportOf } = setup('default');
    runtime.cached = (image) => image === AWS_IMAGE;
    runtime.pullRule = (image) =>
      image === AWS_IMAGE ? { digest: DIGEST } : { refused: 'manifest unknown: manifest unknown' };
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: AWS_IMAGE, essential: true }]);
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    expect(runtime.pulls.map((p) => p.image)).toEqual(['localhost:7471/web:1.0', AWS_IMAGE]);
    expect(runtime.created.map((s) => s.image)).toEqual([AWS_IMAGE]);
  });
});
