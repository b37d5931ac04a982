import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TaskReport } from '@berth/wire/agent';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { TaskAddresses } from '../host/task-addresses.js';
import { SecretFiles } from '../secrets/secret-files.js';
import { SecretInjection } from '../secrets/secret-injection.js';
import {
  aTask,
  testAddressBlock,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import { FakeRuntime } from '../test-support/fake-runtime.test-support.js';
import {
  EXECUTION_ROLE,
  FakeCredentials,
  FakeSecretStore,
} from '../test-support/fake-secrets.test-support.js';
import { TaskEngine } from './task-engine.js';

const REGISTRY_SECRET = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:registry-AbCdEf';
const scratch = mkdtempSync(join(tmpdir(), 'berth-secrets-fake-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const setup = (options: { busybox?: string; withSecrets?: boolean } = {}) => {
  const runtime = new FakeRuntime();
  const store = new FakeSecretStore();
  store.secrets.set(REGISTRY_SECRET, JSON.stringify({ username: 'robot', password: 'hunter2' }));
  store.parameters.set('/p', 'ssm-value-7f3e');
  const files = new SecretFiles(join(scratch, `s-${Math.random().toString(36).slice(2)}`));
  const secrets = new SecretInjection({
    credentials: new FakeCredentials(),
    store,
    files,
    busybox: options.busybox ?? '/bin/busybox',
    region: 'us-east-1',
  });
  const reports: TaskReport[] = [];
  const instanceArn = uniqueInstanceArn('secrets-fake');
  const engine = new TaskEngine({
    runtime,
    containerInstanceArn: instanceArn,
    clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/berth-test',
    config: { resyncIntervalSeconds: 1 },
    report: (r) => reports.push(r),
    now: Date.now,
    log: () => undefined,
    addresses: new TaskAddresses(testAddressBlock(instanceArn), runtime),
    ...(options.withSecrets === false ? {} : { secrets }),
  });
  const reportOf = (taskArn: string, status: TaskReport['status']): Promise<TaskReport> =>
    waitUntil(
      () => reports.filter((r) => r.task === taskArn).find((r) => r.status === status),
      5_000,
      () => `${status}: ${JSON.stringify(reports.filter((r) => r.task === taskArn).at(-1))}`,
    );
  return { runtime, engine, files, reportOf };
};

let shutdown: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await shutdown?.();
  shutdown = undefined;
});

describe('TaskEngine: repository credentials and injection (fake runtime)', () => {
  it('pulls a container’s image with its repositoryCredentials, for its registry host', async () => {
    const { runtime, engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask(
      [
        {
          name: 'web',
          image: 'registry.example.com/team/web:1',
          essential: true,
          repositoryCredentials: { credentialsParameter: REGISTRY_SECRET },
        },
        {
          name: 'hub',
          image: 'private/app:2',
          repositoryCredentials: { credentialsParameter: REGISTRY_SECRET },
        },
        { name: 'plain', image: 'busybox' },
      ],
      { executionRoleArn: EXECUTION_ROLE },
    );
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    const auth = (image: string) => runtime.pulls.find((p) => p.image === image)?.options.auth;
    expect(auth('registry.example.com/team/web:1')).toEqual({
      username: 'robot',
      password: 'hunter2',
      serveraddress: 'registry.example.com',
    });
    expect(auth('private/app:2')?.serveraddress).toBe('https://index.docker.io/v1/');
    expect(auth('busybox')).toBeUndefined();
    // Registry credentials alone hide nothing: the containers are created as ever.
    expect(runtime.created.every((s) => s.entrypoint === undefined && s.binds.length === 0)).toBe(true);
  });

  it('creates a container with secrets through the launcher, its values absent from the spec', async () => {
    const { runtime, engine, files, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    runtime.imageConfig = { entrypoint: ['/entry'], cmd: ['serve'] };
    const task = aTask([{ name: 'web', image: 'img', secrets: [{ name: 'P', valueFrom: '/p' }] }], {
      executionRoleArn: EXECUTION_ROLE,
    });
    engine.applyDesired([task]);
    await reportOf(task.taskArn, 'RUNNING');
    const spec = runtime.created[0];
    expect(spec?.entrypoint?.[0]).toBe('/.berth/busybox');
    expect(spec?.command).toEqual(['/entry', 'serve']);
    expect(spec?.binds).toEqual([
      `${files.containerDir(task.taskArn, 'web')}:/.berth/secrets:ro`,
      '/bin/busybox:/.berth/busybox:ro',
    ]);
    expect(JSON.stringify(spec)).not.toContain('ssm-value-7f3e');
  });

  it('fails the task naming busybox-static when the host has no busybox, leaving no values', async () => {
    const { engine, files, reportOf } = setup({ busybox: join(scratch, 'no-busybox') });
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([{ name: 'web', image: 'img', secrets: [{ name: 'P', valueFrom: '/p' }] }], {
      executionRoleArn: EXECUTION_ROLE,
    });
    engine.applyDesired([task]);
    const stopped = await reportOf(task.taskArn, 'STOPPED');
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toMatch(/^ResourceInitializationError: .*install Debian's busybox-static/);
    expect(existsSync(files.taskDir(task.taskArn))).toBe(false);
  });

  it('after a restart, drops the values of tasks no longer wanted and keeps those still wanted', async () => {
    const { engine, files } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const wanted = aTask([{ name: 'web', image: 'img' }]);
    const stale = 'arn:aws:ecs:us-east-1:000000000000:task/berth-test/stale0';
    await files.write(stale, 'web', new Map([['A', '1']]));
    await files.write(wanted.taskArn, 'web', new Map([['A', '1']]));
    await engine.recover();
    engine.applyDesired([wanted]);
    await waitUntil(() => (existsSync(files.taskDir(stale)) ? undefined : true), 5_000);
    expect(existsSync(files.taskDir(wanted.taskArn))).toBe(true);
  });

  it('an engine without secret support fails a task that uses secrets, and runs others as ever', async () => {
    const { runtime, engine, reportOf } = setup({ withSecrets: false });
    shutdown = () => engine.shutdown({ stopTasks: true });
    const withSecrets = aTask([{ name: 'web', image: 'img', secrets: [{ name: 'P', valueFrom: '/p' }] }], {
      executionRoleArn: EXECUTION_ROLE,
    });
    const plain = aTask([{ name: 'web', image: 'img' }]);
    engine.applyDesired([withSecrets, plain]);
    const stopped = await reportOf(withSecrets.taskArn, 'STOPPED');
    expect(stopped).toMatchObject({
      stopCode: 'TaskFailedToStart',
      reason:
        'ResourceInitializationError: this agent cannot resolve secrets, environment files or repository credentials',
    });
    await reportOf(plain.taskArn, 'RUNNING');
    expect(runtime.created.map((s) => s.entrypoint)).toEqual([undefined]);
  });

  it('an S3 environment file fails the task saying Berth has no S3', async () => {
    const { engine, reportOf } = setup();
    shutdown = () => engine.shutdown({ stopTasks: true });
    const task = aTask([
      { name: 'web', image: 'img', environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::bucket/web.env' }] },
    ]);
    engine.applyDesired([task]);
    const stopped = await reportOf(task.taskArn, 'STOPPED');
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toMatch(
      /^ResourceInitializationError: failed to download env files: arn:aws:s3:::bucket\/web.env: Berth has no S3/,
    );
  });
});
