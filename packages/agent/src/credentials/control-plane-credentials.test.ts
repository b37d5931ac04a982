import { describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { controlPlaneCredentials } from './control-plane-credentials.js';

describe('controlPlaneCredentials', () => {
  it('calls BerthAgentV1.GetTaskCredentials for the instance the agent registered as', async () => {
    const calls: { target: string; body: unknown }[] = [];
    const client = {
      call: <T>(target: string, body: unknown): Promise<T> => {
        calls.push({ target, body });
        return Promise.resolve({
          roleArn: 'arn:aws:iam::000000000000:role/app',
          accessKeyId: 'ASIA1',
          secretAccessKey: 's',
          sessionToken: 't',
          expiration: 2_000_000_000,
        } as T);
      },
    };
    const task = aTask([], { taskRoleArn: 'arn:aws:iam::000000000000:role/app' });
    const source = controlPlaneCredentials(client, () => 'arn:instance');
    expect(await source.credentialsFor(task, 'task')).toMatchObject({
      accessKeyId: 'ASIA1',
      expiresAt: 2e12,
    });
    expect(calls).toEqual([
      {
        target: 'BerthAgentV1.GetTaskCredentials',
        body: { containerInstanceArn: 'arn:instance', taskArn: task.taskArn, role: 'task' },
      },
    ]);
  });
});
