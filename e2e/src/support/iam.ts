/** IAM set-up the suites share: roles ECS tasks assume, users with keys of their own. */
import { awsOk } from './clients.js';

export const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** A role ECS tasks may assume, with one inline policy; returns its ARN. */
export const createTaskRole = (env: NodeJS.ProcessEnv, name: string, policy?: object): string => {
  const arn: string = awsOk(env, [
    'iam',
    'create-role',
    '--role-name',
    name,
    '--assume-role-policy-document',
    ECS_TASKS_TRUST,
  ]).Role.Arn;
  if (policy) {
    awsOk(env, [
      'iam',
      'put-role-policy',
      '--role-name',
      name,
      '--policy-name',
      `${name}-policy`,
      '--policy-document',
      JSON.stringify(policy),
    ]);
  }
  return arn;
};

/** A user with one inline policy and an access key: the environment the CLI runs as that user in. */
export const createUserEnv = (env: NodeJS.ProcessEnv, name: string, policy: object): NodeJS.ProcessEnv => {
  awsOk(env, ['iam', 'create-user', '--user-name', name]);
  awsOk(env, [
    'iam',
    'put-user-policy',
    '--user-name',
    name,
    '--policy-name',
    `${name}-policy`,
    '--policy-document',
    JSON.stringify(policy),
  ]);
  const key = awsOk(env, ['iam', 'create-access-key', '--user-name', name]).AccessKey;
  return { ...env, AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };
};
