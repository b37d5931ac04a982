/**
 * Against the real Docker daemon: a container of an awsvpc task reads its task's metadata, its
 * task role's credentials and Berth's API (through the forwarder) at the URIs in its environment.
 * The endpoint address (169.254.170.2 on lo) stays after the test, as it does after an agent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import {
  aTask,
  docker,
  EngineHarness,
  removeOwned,
  TEST_IMAGE,
  TEST_ENGINE_CONFIG,
  uniqueInstanceArn,
} from '../test-support/engine-harness.test-support.js';
import { TaskEndpoint } from './task-endpoint.js';

const stateDir = mkdtempSync(join(tmpdir(), 'berth-task-endpoint-'));
const api = createServer((_request, response) => response.end('hello from the Berth API'));
const credentials: TaskCredentialSource = {
  credentialsFor: (task) =>
    Promise.resolve({
      roleArn: task.taskRoleArn ?? '',
      accessKeyId: 'ASIATASKROLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
      expiresAt: Date.now() + 3_600_000,
    }),
  release: () => undefined,
};

let harness: EngineHarness;
let endpoint: TaskEndpoint;

beforeAll(async () => {
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiAddress = api.address();
  const apiPort = typeof apiAddress === 'object' && apiAddress !== null ? apiAddress.port : 0;
  const runtimeOf = (): EngineHarness['runtime'] => harness.runtime;
  endpoint = new TaskEndpoint({
    config: {},
    stateDir,
    api: { hostname: '127.0.0.1', port: apiPort },
    tasks: () => harness.engine.taskStates(),
    credentials,
    docker: {
      inspect: (id) => runtimeOf().documents.inspect(id),
      stats: (id) => runtimeOf().documents.stats(id),
      bridgeGateway: () => runtimeOf().documents.bridgeGateway(),
    },
    availabilityZone: 'us-east-1a',
    log: () => undefined,
  });
  harness = new EngineHarness(uniqueInstanceArn('endpoint'), TEST_ENGINE_CONFIG, undefined, {
    taskEndpoint: endpoint,
  });
  await endpoint.start();
});

afterAll(async () => {
  await harness.engine.shutdown({ stopTasks: true });
  await removeOwned(harness.instanceArn);
  await endpoint.close();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  rmSync(stateDir, { recursive: true, force: true });
});

/** Runs `script` with sh in the container (its environment included) and resolves to its output. */
const shIn = async (containerId: string, script: string): Promise<string> => {
  const exec = await docker
    .getContainer(containerId)
    .exec({ Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ Tty: true });
  return new Promise<string>((resolve) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    stream.on('end', () => resolve(text));
  });
};

/** An HTTP/1.0 GET of `$<variable><suffix>` with busybox nc (its wget crashes on this host). */
const fetchScript = (variable: string, suffix: string, header = ''): string =>
  [
    `u=\${${variable}#http://}`,
    'hp=${u%%/*}',
    'p=/${u#*/}',
    '[ "$p" = "/$u" ] && p=/',
    // nc may quit once its input ends, before the answer: the input stays open until it comes.
    `(printf "GET \${p%/}${suffix} HTTP/1.0\\r\\n${header}\\r\\n"; sleep 2) | nc \${hp%:*} \${hp##*:}`,
  ].join('; ');

/** The body after the headers (the exec's terminal writes each line end as \r\r\n). */
const bodyOf = (response: string): string => {
  const blank = /\r*\n\r*\n/.exec(response);
  return blank ? response.slice(blank.index + blank[0].length) : '';
};

describe('task endpoint (Docker)', () => {
  it('an awsvpc container reads /task, its credentials and the API at the URIs in its environment', async () => {
    const task = aTask([{ name: 'app', image: TEST_IMAGE, command: ['sleep', '300'] }], {
      networkMode: 'awsvpc',
      cpu: 256,
      memory: 512,
      taskRoleArn: 'arn:aws:iam::000000000000:role/app',
    });
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const appId = running.containers[0]?.runtimeId ?? '';

    const metadata = JSON.parse(
      bodyOf(await shIn(appId, fetchScript('ECS_CONTAINER_METADATA_URI_V4', '/task'))),
    ) as {
      TaskARN: string;
      Family: string;
      Limits: unknown;
      Containers: { DockerId: string; Name: string; Networks: unknown }[];
    };
    expect(metadata).toMatchObject({
      TaskARN: task.taskArn,
      Family: 'enginetest',
      Limits: { CPU: 0.25, Memory: 512 },
    });
    expect(metadata.Containers).toHaveLength(1);
    expect(metadata.Containers[0]).toMatchObject({
      DockerId: appId,
      Name: 'app',
      Networks: [{ NetworkMode: 'awsvpc', IPv4Addresses: [running.privateIPv4Address] }],
    });

    const credentialsScript = fetchScript(
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      '',
      'Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN\\r\\n',
    );
    expect(JSON.parse(bodyOf(await shIn(appId, credentialsScript)))).toMatchObject({
      AccessKeyId: 'ASIATASKROLE',
      RoleArn: 'arn:aws:iam::000000000000:role/app',
    });
    expect(bodyOf(await shIn(appId, fetchScript('AWS_ENDPOINT_URL', '/')))).toBe('hello from the Berth API');
    expect(await shIn(appId, 'echo $AWS_REGION')).toContain('us-east-1');

    const pause = (
      await docker.listContainers({ filters: { label: [`com.amazonaws.ecs.task-arn=${task.taskArn}`] } })
    )
      .filter((c) => c.Labels['com.amazonaws.ecs.container-name'] === '~internal~ecs~pause')
      .map((c) => c.Id);
    expect(pause).toHaveLength(1);
    const pauseEnv = (await docker.getContainer(pause[0] ?? '').inspect()).Config.Env ?? [];
    expect(pauseEnv.some((e) => e.startsWith('ECS_CONTAINER_METADATA_URI'))).toBe(false);

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
  });
});
