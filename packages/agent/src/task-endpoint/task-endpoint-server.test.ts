import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import { createTaskState, type TaskState } from '../engine/task-state.js';
import { aTask } from '../test-support/task-fixtures.test-support.js';
import { EndpointTokens } from './endpoint-tokens.js';
import { TaskEndpointServer } from './task-endpoint-server.js';

const tokens = new EndpointTokens(randomBytes(32));

const withRole = createTaskState(
  aTask([{ name: 'app', image: 'busybox' }], { taskRoleArn: 'arn:aws:iam::000000000000:role/app' }),
);
const roleless = createTaskState(aTask([{ name: 'app', image: 'busybox' }], { networkMode: 'awsvpc' }));
for (const [i, task] of [withRole, roleless].entries()) {
  for (const c of task.containers) {
    c.runtimeId = `${c.internal ? 'pause' : 'app'}-${i}`;
    c.known = 'RUNNING';
  }
}
const tasks: TaskState[] = [withRole, roleless];

const issued: string[] = [];
let failure: Error | undefined;
const credentials: TaskCredentialSource = {
  credentialsFor: (task) => {
    issued.push(task.taskArn);
    if (failure) return Promise.reject(failure);
    return Promise.resolve({
      roleArn: task.taskRoleArn ?? '',
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
      expiresAt: Date.parse('2026-12-04T05:00:00.250Z'),
    });
  },
  release: () => undefined,
};

const server = new TaskEndpointServer({
  tasks: () => tasks,
  tokens,
  credentials,
  docker: {
    inspect: (id) => Promise.resolve({ Image: `sha256:${id}`, Created: '2026-12-04T04:00:00Z' }),
    stats: (id) => Promise.resolve(id.startsWith('app') ? { read: 'now', id } : undefined),
  },
  availabilityZone: 'us-east-1a',
  log: () => undefined,
});
let port = 0;

const get = (
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  port = await server.listen('127.0.0.1', 0);
});
afterAll(() => server.close());

describe('TaskEndpointServer', () => {
  const token = tokens.containerToken(withRole.desired.taskArn, 'app');

  it('serves a container its own metadata and its task, v4 and v3', async () => {
    const own = await get(`/v4/${token}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      DockerId: 'app-0',
      Name: 'app',
      ImageID: 'sha256:app-0',
      Type: 'NORMAL',
    });
    const task = await get(`/v4/${token}/task`);
    expect(task.body).toMatchObject({ TaskARN: withRole.desired.taskArn, LaunchType: 'EC2' });
    const v3 = await get(`/v3/${token}/task`);
    expect(v3.body).toMatchObject({ TaskARN: withRole.desired.taskArn });
    expect(v3.body).not.toHaveProperty('LaunchType');
  });

  it("serves Docker's stats of the container and of the task's containers by runtime id", async () => {
    expect((await get(`/v4/${token}/stats`)).body).toEqual({ read: 'now', id: 'app-0' });
    const awsvpcToken = tokens.containerToken(roleless.desired.taskArn, 'app');
    expect((await get(`/v4/${awsvpcToken}/task/stats`)).body).toEqual({
      'app-1': { read: 'now', id: 'app-1' },
    });
  });

  it("answers 404 to a token no container has (and to the pause container's)", async () => {
    expect((await get('/v4/nosuchtoken/task')).status).toBe(404);
    const pause = tokens.containerToken(roleless.desired.taskArn, '~internal~ecs~pause');
    expect((await get(`/v4/${pause}`)).status).toBe(404);
    expect((await get('/elsewhere')).status).toBe(404);
  });

  describe('credentials', () => {
    const path = `/v2/credentials/${tokens.credentialsId(withRole.desired.taskArn)}`;
    const authorization = tokens.authorizationToken(withRole.desired.taskArn);

    it('answers the task role credentials in the SDKs’ shape to the right token', async () => {
      const response = await get(path, { authorization });
      expect(response).toEqual({
        status: 200,
        body: {
          RoleArn: 'arn:aws:iam::000000000000:role/app',
          AccessKeyId: 'ASIAEXAMPLE',
          SecretAccessKey: 'secret',
          Token: 'session',
          Expiration: '2026-12-04T05:00:00Z',
        },
      });
    });

    it('refuses a missing (401) or wrong (403) authorization token without asking for credentials', async () => {
      issued.length = 0;
      expect(await get(path)).toMatchObject({ status: 401, body: { code: 'NoAuthorizationToken' } });
      expect(await get(path, { authorization: `${authorization.slice(0, -1)}x` })).toMatchObject({
        status: 403,
        body: { code: 'InvalidAuthorizationToken' },
      });
      const other = tokens.authorizationToken(roleless.desired.taskArn);
      expect((await get(path, { authorization: other })).status).toBe(403);
      expect(issued).toEqual([]);
    });

    it('knows no credentials id of a task without a task role, nor of a stopped task', async () => {
      const id = tokens.credentialsId(roleless.desired.taskArn);
      const authorization = tokens.authorizationToken(roleless.desired.taskArn);
      expect(await get(`/v2/credentials/${id}`, { authorization })).toMatchObject({
        status: 400,
        body: { code: 'InvalidIdInRequest' },
      });
      withRole.known = 'STOPPED';
      try {
        expect(
          (await get(path, { authorization: tokens.authorizationToken(withRole.desired.taskArn) })).status,
        ).toBe(400);
      } finally {
        withRole.known = 'NONE';
      }
    });

    it("passes the control plane's refusal on", async () => {
      failure = Object.assign(new Error('AccessDeniedException: no trust'), {
        code: 'AccessDeniedException',
      });
      try {
        expect(await get(path, { authorization })).toMatchObject({
          status: 500,
          body: { code: 'AccessDeniedException', message: 'AccessDeniedException: no trust' },
        });
      } finally {
        failure = undefined;
      }
    });
  });
});
