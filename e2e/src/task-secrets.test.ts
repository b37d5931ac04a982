/**
 * A FARGATE task's `secrets`: a Secrets Manager secret whole and by JSON key, and an SSM
 * SecureString by ARN and by name, read by the agent at start with the task's execution role and
 * put in the container's environment — not in its Docker configuration (`docker inspect` shows
 * none of the values: they live in files on a host tmpfs, mounted read-only, exported by a
 * launcher before the container's own command runs). An execution role whose policy does not
 * allow the read fails the task with ECS's ResourceInitializationError. The server's data
 * directory never holds a value in plaintext.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, tempDir, type BerthProcess } from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { createTaskRole } from './support/iam.js';
import { stopClusterTasks } from './support/services.js';
import { BUSYBOX_IMAGE, ensureTestImages } from './support/test-images.js';

const DB_PASSWORD = 'pa$$ "word" \'quoted\'\nsecond line';
const DB_USER = 'app-user-7f3c';
const API_TOKEN = 'tok-0b1d4e9a-api-token-value';
const SIGNING_KEY = 'signing-key-5c2e91-securestring';
const ALL_VALUES = [DB_PASSWORD, DB_USER, API_TOKEN, SIGNING_KEY];

let berth: BerthProcess;
let dataDir = '';
let dbArn = '';
let apiArn = '';
let parameterArn = '';

const runFargate = (family: string): string =>
  awsOk(berth.env, [
    'ecs',
    'run-task',
    '--task-definition',
    family,
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
  ]).tasks[0].taskArn;

const describeTask = (taskArn: string): any =>
  awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];

const secretsOf = (): object[] => [
  { name: 'DB_PASSWORD', valueFrom: `${dbArn}:password::` },
  { name: 'DB_USER', valueFrom: `${dbArn}:username::` },
  { name: 'API_TOKEN', valueFrom: apiArn },
  { name: 'SIGNING_KEY', valueFrom: parameterArn },
  { name: 'SIGNING_KEY_BY_NAME', valueFrom: '/berth-e2e/signing-key' },
];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

beforeAll(async () => {
  ensureTestImages();
  dataDir = tempDir('berth-e2e-secrets-');
  berth = await startServer({ dataDir });
  dbArn = awsOk(berth.env, [
    'secretsmanager',
    'create-secret',
    '--name',
    'db-creds',
    '--secret-string',
    JSON.stringify({ username: DB_USER, password: DB_PASSWORD }),
  ]).ARN;
  apiArn = awsOk(berth.env, [
    'secretsmanager',
    'create-secret',
    '--name',
    'api-token',
    '--secret-string',
    API_TOKEN,
  ]).ARN;
  awsOk(berth.env, [
    'ssm',
    'put-parameter',
    '--name',
    '/berth-e2e/signing-key',
    '--type',
    'SecureString',
    '--value',
    SIGNING_KEY,
  ]);
  parameterArn = awsOk(berth.env, ['ssm', 'get-parameter', '--name', '/berth-e2e/signing-key']).Parameter.ARN;
});

afterAll(async () => {
  if (berth) await stopClusterTasks(berth.env, 'default').catch(() => undefined);
  await berth?.stop();
});

describe('a FARGATE task with secrets', () => {
  it('has the values in its environment, and docker inspect shows none of them', () => {
    const role = createTaskRole(berth.env, 'secrets-exec', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [dbArn, apiArn] },
        { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:*:*:parameter/berth-e2e/*' },
      ],
    });
    registerFargate(
      berth.env,
      'with-secrets',
      [
        {
          name: 'app',
          image: BUSYBOX_IMAGE,
          essential: true,
          command: ['sh', '-c', 'sleep 600'],
          secrets: secretsOf(),
        },
      ],
      undefined,
      role,
    );
    const taskArn = runFargate('with-secrets');
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const container = describeTask(taskArn).containers[0];
    // Values reach the process the launcher exec'd (PID 1), not the container's configuration.
    const environ = docker(['exec', container.runtimeId, 'cat', '/proc/1/environ']);
    expect(environ.status, environ.stderr).toBe(0);
    const env = Object.fromEntries(
      environ.stdout
        .split('\0')
        .filter((kv) => kv.includes('='))
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    );
    expect(env).toMatchObject({
      DB_PASSWORD,
      DB_USER,
      API_TOKEN,
      SIGNING_KEY,
      SIGNING_KEY_BY_NAME: SIGNING_KEY,
    });
    // The launcher exec'd the container's own command (`sh -c 'sleep 600'`, which busybox sh execs
    // in turn): PID 1 is the task's process, not Berth's.
    const cmdline = docker(['exec', container.runtimeId, 'cat', '/proc/1/cmdline']).stdout;
    expect(cmdline.replace(/\0/g, ' ').trim()).toBe('sleep 600');
    const inspected = docker(['inspect', container.runtimeId]).stdout;
    for (const value of ALL_VALUES) {
      expect(inspected).not.toContain(value);
      expect(inspected).not.toContain(JSON.stringify(value).slice(1, -1));
    }
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  });

  it('fails with ResourceInitializationError when the execution role may not read them', () => {
    const role = createTaskRole(berth.env, 'no-secrets-exec');
    registerFargate(
      berth.env,
      'denied-secrets',
      [
        {
          name: 'app',
          image: BUSYBOX_IMAGE,
          essential: true,
          command: ['sleep', '600'],
          secrets: secretsOf().slice(2, 3),
        },
      ],
      undefined,
      role,
    );
    const taskArn = runFargate('denied-secrets');
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const task = describeTask(taskArn);
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toContain(
      'ResourceInitializationError: unable to pull secrets or registry auth',
    );
    expect(task.stoppedReason).toContain('AccessDeniedException');
    expect(task.stoppedReason).toContain(apiArn);
  });

  it('keeps no value in plaintext in the data directory', () => {
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const value of ALL_VALUES) expect(bytes.includes(value), `${value} in ${file}`).toBe(false);
    }
    // Through the API the values are still there, decrypted.
    const read = awsOk(berth.env, ['secretsmanager', 'get-secret-value', '--secret-id', 'api-token']);
    expect(read.SecretString).toBe(API_TOKEN);
  });
});
