import { afterAll, describe, expect, it } from 'vitest';

import type { ContainerSpec, RuntimeEvent } from '../container-runtime.js';
import { LABELS } from '../ownership-labels.js';
import { RuntimeError } from '../runtime-error.js';
import {
  docker,
  MISSING_IMAGE,
  removeOwned,
  shortId,
  TEST_IMAGE,
  uniqueInstanceArn,
  waitUntil,
} from '../../test-support/engine-harness.test-support.js';
import { dockerCall } from './docker-call.js';
import { DockerRuntime } from './docker-runtime.js';

const owner = uniqueInstanceArn('runtime');
const runtime = new DockerRuntime({ docker });

const spec = (overrides: Partial<ContainerSpec> = {}): ContainerSpec => ({
  name: `berth-test-runtime-${shortId()}`,
  image: TEST_IMAGE,
  labels: { [LABELS.taskArn]: 'arn:aws:ecs:us-east-1:000000000000:task/berth-test/runtime' },
  command: ['sleep', '600'],
  env: [],
  network: { mode: 'none' },
  ports: [],
  links: [],
  extraHosts: [],
  dns: [],
  dnsSearch: [],
  binds: [],
  volumesFrom: [],
  tmpfs: {},
  devices: [],
  ulimits: [],
  sysctls: {},
  capAdd: [],
  capDrop: [],
  privileged: false,
  readonlyRootfs: false,
  init: false,
  securityOpt: [],
  networkDisabled: false,
  openStdin: false,
  tty: false,
  healthcheck: { test: ['NONE'] },
  log: { driver: 'json-file', options: {} },
  ...overrides,
});

const rejection = async (work: Promise<unknown>): Promise<RuntimeError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof RuntimeError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('DockerRuntime', () => {
  const foreign: string[] = [];

  afterAll(async () => {
    await Promise.all(foreign.map((id) => docker.getContainer(id).remove({ force: true })));
    await removeOwned(owner);
  });

  it.each(['default', 'always', 'once', 'prefer-cached'] as const)(
    'fails a missing image with CannotPullContainerError promptly (%s)',
    async (behavior) => {
      const started = Date.now();
      const error = await rejection(runtime.ensureImage(MISSING_IMAGE, behavior));
      expect(error.errorName).toBe('CannotPullContainerError');
      expect(error.reason).toMatch(/^CannotPullContainerError: .*127\.0\.0\.1:5999/);
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );

  it('uses a cached image without pulling under prefer-cached', async () => {
    const image = await runtime.ensureImage(TEST_IMAGE, 'prefer-cached');
    expect(image).toMatchObject({ pulled: false });
    expect(image.imageId).toMatch(/^sha256:/);
  });

  it('creates, starts, inspects, stops and removes with owner labels; a name conflict is flagged', async () => {
    const s = spec();
    const id = await runtime.createContainer(owner, s);
    await runtime.startContainer(owner, id);
    const running = await runtime.inspectContainer(id);
    expect(running).toMatchObject({ id, name: s.name, state: 'running' });
    expect(running?.labels).toMatchObject({ [LABELS.managed]: 'true', [LABELS.containerInstance]: owner });
    expect((await runtime.listOwnedContainers(owner)).map((c) => c.id)).toContain(id);

    const conflict = await rejection(runtime.createContainer(owner, s));
    expect(conflict).toMatchObject({ errorName: 'CannotCreateContainerError', conflict: true });

    await runtime.stopContainer(owner, id, 1);
    expect(await runtime.inspectContainer(id)).toMatchObject({ state: 'exited', exitCode: 137 });
    await runtime.removeContainer(owner, id);
    expect(await runtime.inspectContainer(id)).toBeUndefined();
  });

  it('refuses to stop or remove a container of another owner', async () => {
    const id = await new DockerRuntime({ docker }).createContainer(uniqueInstanceArn('other'), spec());
    foreign.push(id);
    expect(await rejection(runtime.removeContainer(owner, id))).toMatchObject({
      errorName: 'CannotRemoveContainerError',
    });
    expect(await rejection(runtime.stopContainer(owner, id, 1))).toMatchObject({
      errorName: 'CannotStopContainerError',
    });
    expect((await runtime.listOwnedContainers(owner)).map((c) => c.id)).not.toContain(id);
    expect(await runtime.inspectContainer(id)).toBeDefined();
  });

  it('streams start and die events of owned containers', async () => {
    const events: RuntimeEvent[] = [];
    const subscription = runtime.watchEvents(owner, (e) => events.push(e));
    try {
      const id = await runtime.createContainer(owner, spec({ command: ['sh', '-c', 'sleep 0.3; exit 4'] }));
      await runtime.startContainer(owner, id);
      await waitUntil(
        () => (events.some((e) => e.type === 'die' && e.containerId === id) ? true : undefined),
        10_000,
      );
      expect(events.find((e) => e.type === 'start')?.labels[LABELS.containerInstance]).toBe(owner);
    } finally {
      subscription.close();
    }
  });

  it('turns an expired deadline into DockerTimeoutError', async () => {
    const error = await rejection(
      dockerCall(
        { op: 'inspect', errorName: 'CannotInspectContainerError', timeoutMs: 50 },
        () => new Promise(() => undefined),
      ),
    );
    expect(error.reason).toBe(
      'DockerTimeoutError: Could not transition to inspecting; timed out after waiting 0s',
    );
  });

  it("reports Docker's cgroup driver", async () => {
    const { CgroupDriver: driver } = (await docker.info()) as { CgroupDriver: string };
    expect(await runtime.cgroupDriver()).toBe(driver);
    expect(['cgroupfs', 'systemd']).toContain(driver);
  });

  it('creates, lists and removes owned volumes', async () => {
    const name = `berth-test-volume-${shortId()}`;
    await runtime.ensureVolume(owner, { name, labels: { [LABELS.taskArn]: 'x' } });
    await runtime.ensureVolume(owner, { name, labels: {} });
    expect(await runtime.hasVolume(name)).toBe(true);
    expect((await runtime.listOwnedVolumes(owner)).map((v) => v.name)).toContain(name);
    await runtime.removeVolume(owner, name);
    expect(await runtime.hasVolume(name)).toBe(false);
  });
});
