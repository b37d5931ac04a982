import type { GetTaskCredentialsRequest, GetTaskCredentialsResponse } from '@berth/wire/agent';
import { describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { NoTaskRoleError, TaskCredentialsCache } from './task-credentials-cache.js';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const INSTANCE = 'arn:aws:ecs:us-east-1:000000000000:container-instance/berth-test/i-1';

/** A control plane that issues credentials valid for `lifetimeMs`, numbered in order. */
const fakeControlPlane = (clock: { now: number }, lifetimeMs: number) => {
  const requests: GetTaskCredentialsRequest[] = [];
  let fail: Error | undefined;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const fetch = async (request: GetTaskCredentialsRequest): Promise<GetTaskCredentialsResponse> => {
    const n = requests.push(request);
    if (gate) await gate;
    if (fail) throw fail;
    return {
      roleArn: 'arn:aws:iam::000000000000:role/app',
      accessKeyId: `ASIA${n}`,
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: (clock.now + lifetimeMs) / 1000,
    };
  };
  return {
    requests,
    fetch,
    failWith: (error: Error | undefined): void => {
      fail = error;
    },
    hold: (): void => {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    letGo: () => {
      gate = undefined;
      release?.();
    },
  };
};

const setup = (lifetimeMs = HOUR) => {
  const clock = { now: Date.parse('2026-12-04T04:00:00Z') };
  const plane = fakeControlPlane(clock, lifetimeMs);
  const cache = new TaskCredentialsCache({
    fetch: plane.fetch,
    containerInstanceArn: () => INSTANCE,
    now: () => clock.now,
  });
  const task = aTask([], {
    taskRoleArn: 'arn:aws:iam::000000000000:role/app',
    executionRoleArn: 'arn:aws:iam::000000000000:role/exec',
  });
  return { clock, plane, cache, task };
};

describe('TaskCredentialsCache', () => {
  it('asks the control plane with the instance ARN and reuses the answer until 20% of the lifetime remains', async () => {
    const { clock, plane, cache, task } = setup(HOUR);
    const first = await cache.credentialsFor(task, 'task');
    expect(plane.requests).toEqual([{ containerInstanceArn: INSTANCE, taskArn: task.taskArn, role: 'task' }]);
    expect(first).toMatchObject({ accessKeyId: 'ASIA1', expiresAt: clock.now + HOUR });
    clock.now += 47 * MINUTE; // 13 minutes left: more than 20% (12 min) and more than 5 min
    expect((await cache.credentialsFor(task, 'task')).accessKeyId).toBe('ASIA1');
    clock.now += 2 * MINUTE; // 11 minutes left
    expect((await cache.credentialsFor(task, 'task')).accessKeyId).toBe('ASIA2');
    expect(plane.requests).toHaveLength(2);
  });

  it('refreshes short-lived credentials once less than 5 minutes remain', async () => {
    const { clock, plane, cache, task } = setup(15 * MINUTE);
    await cache.credentialsFor(task, 'task');
    clock.now += 9 * MINUTE; // 6 left: more than 20% (3 min) and 5 min
    expect((await cache.credentialsFor(task, 'task')).accessKeyId).toBe('ASIA1');
    clock.now += 2 * MINUTE; // 4 left
    expect((await cache.credentialsFor(task, 'task')).accessKeyId).toBe('ASIA2');
    expect(plane.requests).toHaveLength(2);
  });

  it('callers asking at once share one request; task and execution roles are cached apart', async () => {
    const { plane, cache, task } = setup();
    plane.hold();
    const asked = [cache.credentialsFor(task, 'task'), cache.credentialsFor(task, 'task')];
    const execution = cache.credentialsFor(task, 'execution');
    plane.letGo();
    const [a, b] = await Promise.all(asked);
    expect(a).toBe(b);
    expect((await execution).accessKeyId).not.toBe(a?.accessKeyId);
    expect(plane.requests.map((r) => r.role)).toEqual(['task', 'execution']);
  });

  it('errors reach every waiting caller and are not cached', async () => {
    const { plane, cache, task } = setup();
    plane.failWith(new Error('AccessDeniedException: role does not trust ecs-tasks.amazonaws.com'));
    plane.hold();
    const both = [cache.credentialsFor(task, 'task'), cache.credentialsFor(task, 'task')];
    plane.letGo();
    for (const p of both) await expect(p).rejects.toThrow(/AccessDeniedException/);
    expect(plane.requests).toHaveLength(1);
    plane.failWith(undefined);
    expect((await cache.credentialsFor(task, 'task')).accessKeyId).toBe('ASIA2');
  });

  it('release forgets a task; a task without the role rejects without asking', async () => {
    const { plane, cache, task } = setup();
    await cache.credentialsFor(task, 'task');
    cache.release(task.taskArn);
    await cache.credentialsFor(task, 'task');
    expect(plane.requests).toHaveLength(2);
    const roleless = aTask([]);
    await expect(cache.credentialsFor(roleless, 'task')).rejects.toBeInstanceOf(NoTaskRoleError);
    expect(plane.requests).toHaveLength(2);
  });

  it('a changed role ARN is fetched anew', async () => {
    const { plane, cache, task } = setup();
    await cache.credentialsFor(task, 'task');
    await cache.credentialsFor({ ...task, taskRoleArn: 'arn:aws:iam::000000000000:role/other' }, 'task');
    expect(plane.requests).toHaveLength(2);
  });
});
