import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SecretFiles } from '../secrets/secret-files.js';
import { SecretInjection } from '../secrets/secret-injection.js';
import {
  aTask,
  docker,
  EngineHarness,
  httpGet,
  removeOwned,
  TEST_ENGINE_CONFIG,
  TEST_IMAGE,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import {
  EXECUTION_ROLE,
  FakeCredentials,
  FakeSecretStore,
} from '../test-support/fake-secrets.test-support.js';

const DB = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf';
const PASSWORD = 'pa$$ "w0rd" with spaces';
const MULTILINE = '-----BEGIN KEY-----\nsecret-line-1\nsecret-line-2\n-----END KEY-----\n';
const TOKEN = 'ssm-secure-token-4f1d';
const FROM_FILE = 'value-from-env-file-9c2a';

const scratch = mkdtempSync(join(tmpdir(), 'berth-secrets-engine-'));
const envFile = join(scratch, 'web.env');
writeFileSync(envFile, `# settings\nFROM_FILE=${FROM_FILE}\nPLAIN=file-loses\n`);

const store = new FakeSecretStore();
store.secrets.set(DB, JSON.stringify({ password: PASSWORD, key: MULTILINE }));
store.parameters.set('/berth-test/token', TOKEN);
const credentials = new FakeCredentials();
const files = new SecretFiles(join(scratch, 'secrets'));
const secrets = new SecretInjection({
  credentials,
  store,
  files,
  busybox: '/bin/busybox',
  region: 'us-east-1',
});

/** The environment of the container's PID 1 (what the launcher exec'd), read with `docker exec`. */
const processEnv = (id: string): Record<string, string> => {
  const out = spawnSync('docker', ['exec', id, 'cat', '/proc/1/environ'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return Object.fromEntries(
    out.stdout
      .split('\0')
      .filter((kv) => kv !== '')
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
};

describe('TaskEngine: secrets and environment files (real Docker)', () => {
  const harness = new EngineHarness(uniqueInstanceArn('secrets'), TEST_ENGINE_CONFIG, undefined, { secrets });

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: true });
    await removeOwned(harness.instanceArn);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('injects secrets and file variables into the process, never into docker inspect, and drops them at stop', async () => {
    const task = aTask(
      [
        {
          name: 'web',
          image: TEST_IMAGE,
          essential: true,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          environment: [{ name: 'PLAIN', value: 'visible' }],
          environmentFiles: [{ type: 's3', value: `file://${envFile}` }],
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: `${DB}:password::` },
            { name: 'TLS_KEY', valueFrom: `${DB}:key::` },
            { name: 'TOKEN', valueFrom: '/berth-test/token' },
          ],
        },
        { name: 'sidecar', image: TEST_IMAGE, essential: false, command: ['sleep', '600'] },
        {
          name: 'nobody',
          image: TEST_IMAGE,
          essential: false,
          user: '65534:65534',
          readonlyRootFilesystem: true,
          entryPoint: ['sleep'],
          command: ['600'],
          secrets: [{ name: 'TOKEN', valueFrom: '/berth-test/token' }],
        },
      ],
      { executionRoleArn: EXECUTION_ROLE },
    );
    await harness.engine.recover();
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const web = running.containers.find((c) => c.containerName === 'web');
    const id = web?.runtimeId ?? '';

    const env = processEnv(id);
    expect(env).toMatchObject({
      DB_PASSWORD: PASSWORD,
      TLS_KEY: MULTILINE,
      TOKEN,
      FROM_FILE,
      PLAIN: 'visible',
    });
    // The image's own CMD (/bin/serve) is what the launcher ran: it answers.
    const port = web?.networkBindings?.[0]?.hostPort ?? 0;
    expect(await waitUntil(() => httpGet('127.0.0.1', port), 10_000)).toContain('hello from berth');

    // One GetSecretValue for both JSON keys, one GetParameters for both containers' token.
    expect(store.calls.map((c) => [c.op, c.request])).toEqual([
      ['GetSecretValue', { SecretId: DB }],
      ['GetParameters', { Names: ['/berth-test/token'], WithDecryption: true }],
    ]);
    // A non-root user on a read-only root filesystem reads its values too; its own entryPoint runs.
    const nobody = running.containers.find((c) => c.containerName === 'nobody')?.runtimeId ?? '';
    expect(processEnv(nobody).TOKEN).toBe(TOKEN);
    expect((await docker.getContainer(nobody).inspect()).Config.Cmd).toEqual(['sleep', '600']);

    const inspected = JSON.stringify(await docker.getContainer(id).inspect());
    for (const value of [PASSWORD, 'secret-line-1', TOKEN, FROM_FILE]) expect(inspected).not.toContain(value);
    const config = (await docker.getContainer(id).inspect()).Config;
    expect(config.Env).toContain('PLAIN=visible');
    expect(config.Cmd).toEqual(['/bin/serve']);
    expect(existsSync(files.containerDir(task.taskArn, 'web'))).toBe(true);

    const sidecar = await docker
      .getContainer(running.containers.find((c) => c.containerName === 'sidecar')?.runtimeId ?? '')
      .inspect();
    expect(sidecar.Config.Entrypoint).toBeNull();
    expect(sidecar.Config.Cmd).toEqual(['sleep', '600']);
    expect(sidecar.Mounts).toEqual([]);

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(existsSync(files.taskDir(task.taskArn))).toBe(false);
  });

  it('fails a task whose secret is missing with ECS’s text, leaving no values behind', async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:gone-AbCdEf';
    const task = aTask(
      [
        {
          name: 'web',
          image: TEST_IMAGE,
          essential: true,
          environmentFiles: [{ type: 's3', value: `file://${envFile}` }],
          secrets: [{ name: 'X', valueFrom: missing }],
        },
      ],
      { executionRoleArn: EXECUTION_ROLE },
    );
    harness.engine.applyDesired([task]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toBe(
      `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${missing} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
    );
    expect(stopped.containers[0]?.runtimeId).toBeUndefined();
    expect(existsSync(files.taskDir(task.taskArn))).toBe(false);
  });
});
