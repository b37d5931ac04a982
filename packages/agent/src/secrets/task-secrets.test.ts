import type { ContainerDefinition } from '@berth/wire/ecs';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  EXECUTION_ROLE,
  FakeCredentials,
  FakeSecretStore,
} from '../test-support/fake-secrets.test-support.js';
import { aTask } from '../test-support/task-fixtures.test-support.js';
import { resolveTaskSecrets, type TaskSecretsDeps } from './task-secrets.js';

const DB = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:db-AbCdEf';
const REGISTRY = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:registry-XyZ123';
const PREFIX =
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ';

let store: FakeSecretStore;
let credentials: FakeCredentials;
let files: Record<string, string>;
let deps: TaskSecretsDeps;

beforeEach(() => {
  store = new FakeSecretStore();
  credentials = new FakeCredentials();
  files = {};
  deps = {
    credentials,
    store,
    region: 'us-east-1',
    readFile: (path) =>
      files[path] === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(files[path]),
  };
  store.secrets.set(DB, JSON.stringify({ user: 'admin', password: 'p@ss w0rd', port: 5432 }));
  store.secrets.set(`${DB}|AWSPREVIOUS|`, JSON.stringify({ password: 'old' }));
  store.parameters.set('/app/token', 'tok\nen\n');
});

/** `null`: no execution role. */
const task = (containers: ContainerDefinition[], executionRoleArn: string | null = EXECUTION_ROLE) =>
  aTask(containers, executionRoleArn === null ? {} : { executionRoleArn });

const reasonOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    return (error as { reason?: string }).reason ?? String(error);
  }
  throw new Error('expected a failure');
};

describe('resolveTaskSecrets', () => {
  it('resolves whole secrets, JSON keys, version stages and SSM parameters with grouped calls', async () => {
    const t = task([
      {
        name: 'web',
        secrets: [
          { name: 'DB_JSON', valueFrom: DB },
          { name: 'DB_USER', valueFrom: `${DB}:user::` },
          { name: 'DB_PASSWORD', valueFrom: `${DB}:password::` },
          { name: 'DB_PORT', valueFrom: `${DB}:port::` },
          { name: 'OLD', valueFrom: `${DB}:password:AWSPREVIOUS:` },
          { name: 'TOKEN', valueFrom: '/app/token' },
        ],
      },
      { name: 'plain', image: 'x' },
    ]);
    const resolved = await resolveTaskSecrets(deps, t);
    expect([...resolved.keys()]).toEqual(['web']);
    expect(Object.fromEntries(resolved.get('web')?.hidden ?? [])).toEqual({
      DB_JSON: store.secrets.get(DB),
      DB_USER: 'admin',
      DB_PASSWORD: 'p@ss w0rd',
      DB_PORT: '5432',
      OLD: 'old',
      TOKEN: 'tok\nen\n',
    });
    expect(store.calls.map((c) => [c.op, c.region, c.request])).toEqual([
      ['GetSecretValue', 'eu-west-1', { SecretId: DB }],
      ['GetSecretValue', 'eu-west-1', { SecretId: DB, VersionStage: 'AWSPREVIOUS' }],
      ['GetParameters', 'us-east-1', { Names: ['/app/token'], WithDecryption: true }],
    ]);
    expect(store.calls.every((c) => c.sessionToken === 'session-token')).toBe(true);
    expect(credentials.asked).toEqual([{ taskArn: t.taskArn, role: 'execution' }]);
  });

  it('asks nothing for a task without secrets, files or registry credentials', async () => {
    expect(await resolveTaskSecrets(deps, task([{ name: 'a' }], null))).toEqual(new Map());
    expect(store.calls).toEqual([]);
    expect(credentials.asked).toEqual([]);
  });

  it('fails a missing secret, a missing JSON key and a denied call with ECS’s text', async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:gone-AbCdEf';
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: missing }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${missing} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
    );
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: `${DB}:nokey::` }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): retrieved secret from Secrets Manager did not contain json key nokey`,
    );
    store.refusals.set(DB, [
      'AccessDeniedException',
      `User: exec is not authorized to perform: secretsmanager:GetSecretValue on resource: ${DB}`,
    ]);
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: DB }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${DB} from secrets manager: AccessDeniedException: User: exec is not authorized to perform: secretsmanager:GetSecretValue on resource: ${DB}`,
    );
  });

  it('fails invalid and denied SSM parameters with ECS’s text', async () => {
    expect(
      await reasonOf(
        resolveTaskSecrets(
          deps,
          task([
            {
              name: 'a',
              secrets: [
                { name: 'X', valueFrom: '/nope' },
                { name: 'Y', valueFrom: '/app/token' },
              ],
            },
          ]),
        ),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: /nope`,
    );
    store.refusals.set('/app/token', [
      'AccessDeniedException',
      'not authorized to perform: ssm:GetParameters',
    ]);
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'Y', valueFrom: '/app/token' }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: not authorized to perform: ssm:GetParameters`,
    );
  });

  it('fails a task with secrets but no execution role, and one whose role credentials are refused', async () => {
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: DB }] }], null)),
      ),
    ).toBe(
      `${PREFIX}ASM secret resource: unable to find execution role credentials: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.`,
    );
    expect(
      await reasonOf(
        resolveTaskSecrets(
          deps,
          task([{ name: 'a', secrets: [{ name: 'X', valueFrom: '/app/token' }] }], null),
        ),
      ),
    ).toBe(
      `${PREFIX}SSM secret resource: unable to find execution role credentials: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.`,
    );
    const { credentials: _, ...withoutSource } = deps;
    expect(
      await reasonOf(
        resolveTaskSecrets(withoutSource, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: DB }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to get execution role credentials: this agent was started without a source of task role credentials`,
    );
    credentials.refuse = 'the role does not trust ecs-tasks.amazonaws.com';
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'X', valueFrom: DB }] }])),
      ),
    ).toBe(
      `${PREFIX}unable to get execution role credentials: AccessDeniedException: the role does not trust ecs-tasks.amazonaws.com`,
    );
  });

  it('layers environment files under environment, and secrets over both; files need no role', async () => {
    files['/etc/a.env'] = 'FROM_FILE=file\nSHADOWED=file\nSECRET=file\n';
    const fileOnly = await resolveTaskSecrets(
      deps,
      task(
        [
          {
            name: 'a',
            environment: [{ name: 'SHADOWED', value: 'env' }],
            environmentFiles: [{ type: 's3', value: 'file:///etc/a.env' }],
          },
        ],
        null,
      ),
    );
    expect(Object.fromEntries(fileOnly.get('a')?.hidden ?? [])).toEqual({
      FROM_FILE: 'file',
      SECRET: 'file',
    });
    const both = await resolveTaskSecrets(
      deps,
      task([
        {
          name: 'a',
          environmentFiles: [{ type: 's3', value: 'file:///etc/a.env' }],
          secrets: [{ name: 'SECRET', valueFrom: `${DB}:user::` }],
        },
      ]),
    );
    expect(both.get('a')?.hidden.get('SECRET')).toBe('admin');
  });

  it('refuses variable names the launcher cannot export', async () => {
    expect(
      await reasonOf(
        resolveTaskSecrets(deps, task([{ name: 'a', secrets: [{ name: 'BAD-NAME', valueFrom: DB }] }])),
      ),
    ).toMatch(
      /^ResourceInitializationError: environment variable "BAD-NAME" of container a cannot be injected/,
    );
  });

  it('reads repositoryCredentials (ARN or name) as username and password', async () => {
    store.secrets.set(REGISTRY, JSON.stringify({ username: 'robot', password: 'pw' }));
    store.secrets.set('by-name', JSON.stringify({ username: 'u2', password: 'p2' }));
    const resolved = await resolveTaskSecrets(
      deps,
      task([
        { name: 'a', repositoryCredentials: { credentialsParameter: REGISTRY } },
        { name: 'b', repositoryCredentials: { credentialsParameter: 'by-name' } },
      ]),
    );
    expect(resolved.get('a')).toEqual({
      hidden: new Map(),
      repositoryAuth: { username: 'robot', password: 'pw' },
    });
    expect(resolved.get('b')?.repositoryAuth).toEqual({ username: 'u2', password: 'p2' });
    store.secrets.set(REGISTRY, 'not json');
    expect(
      await reasonOf(
        resolveTaskSecrets(
          deps,
          task([{ name: 'a', repositoryCredentials: { credentialsParameter: REGISTRY } }]),
        ),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): asm fetching secret from the service for ${REGISTRY}: the secret must be JSON with string "username" and "password" keys`,
    );
    store.refusals.set(REGISTRY, ['AccessDeniedException', 'denied']);
    expect(
      await reasonOf(
        resolveTaskSecrets(
          deps,
          task([{ name: 'a', repositoryCredentials: { credentialsParameter: REGISTRY } }]),
        ),
      ),
    ).toBe(
      `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): asm fetching secret from the service for ${REGISTRY}: AccessDeniedException: denied`,
    );
  });
});
