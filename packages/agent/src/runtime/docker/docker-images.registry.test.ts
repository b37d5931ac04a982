import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { docker, shortId, TEST_IMAGE } from '../../test-support/engine-harness.test-support.js';
import { startFakeRegistry, type FakeRegistry } from '../../test-support/fake-registry.test-support.js';
import { TcpForwarder } from '../../net/tcp-forwarder.js';
import { RuntimeError } from '../runtime-error.js';
import { DockerRuntime } from './docker-runtime.js';

const PASSWORD = 'berth-registry-password';
const runtime = new DockerRuntime({ docker });

const rejection = async (work: Promise<unknown>): Promise<RuntimeError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof RuntimeError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

/** Pulls from a Basic-auth registry on loopback, as the agent pulls ECR images from Berth's. */
describe('DockerRuntime: pulls from a registry with credentials', () => {
  const repo = `berth-test-ecr-${shortId()}`;
  let registry: FakeRegistry;
  const tags: string[] = [];

  beforeAll(async () => {
    registry = await startFakeRegistry(repo, PASSWORD);
  });

  afterAll(async () => {
    await Promise.all(
      tags.map((t) =>
        docker
          .getImage(t)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await registry.close();
  });

  it('pulls with the credentials given and reports the digest of that reference', async () => {
    const image = `${registry.host}/${repo}:latest`;
    tags.push(image);
    const auth = { username: 'AWS', password: PASSWORD, serveraddress: registry.host };
    const ensured = await runtime.ensureImage(image, 'always', { auth });
    expect(ensured).toMatchObject({ pulled: true, digest: registry.digest });
    expect(registry.authorizations).toContain(`Basic ${Buffer.from(`AWS:${PASSWORD}`).toString('base64')}`);
  });

  it('without credentials the registry refuses, in Docker’s words after CannotPullContainerError', async () => {
    const image = `${registry.host}/${repo}:refused-${shortId()}`;
    const error = await rejection(runtime.ensureImage(image, 'always'));
    expect(error.reason).toMatch(
      /^CannotPullContainerError: Error response from daemon: .*no basic auth credentials/,
    );
    expect(error.reason).not.toMatch(/HTTP code/);
  });

  it('default falls back to the cached image of that reference when the pull is refused', async () => {
    const image = `${registry.host}/${repo}:cached-${shortId()}`;
    const [name, tag] = [image.slice(0, image.lastIndexOf(':')), image.slice(image.lastIndexOf(':') + 1)];
    await docker.getImage(TEST_IMAGE).tag({ repo: name, tag });
    tags.push(image);
    const ensured = await runtime.ensureImage(image, 'default');
    expect(ensured).toMatchObject({ pulled: false });
    await expect(runtime.ensureImage(image, 'always')).rejects.toThrow(/no basic auth credentials/);
  });
});

/** An agent on another host than the control plane: Docker pulls through the loopback forwarder. */
describe('DockerRuntime: pulls through the loopback forwarder', () => {
  const repo = `berth-test-ecr-fwd-${shortId()}`;
  let registry: FakeRegistry;
  let forwarder: TcpForwarder;
  const tags: string[] = [];

  beforeAll(async () => {
    registry = await startFakeRegistry(repo, PASSWORD);
    forwarder = new TcpForwarder({ hostname: '127.0.0.1', port: registry.port }, () => undefined);
  });

  afterAll(async () => {
    await Promise.all(
      tags.map((t) =>
        docker
          .getImage(t)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await forwarder.close();
    await registry.close();
  });

  it('pulls the image, with credentials, from 127.0.0.1:<forwarder port>', async () => {
    const host = `127.0.0.1:${await forwarder.port()}`;
    const image = `${host}/${repo}:latest`;
    tags.push(image);
    const ensured = await runtime.ensureImage(image, 'default', {
      auth: { username: 'AWS', password: PASSWORD, serveraddress: host },
    });
    expect(ensured).toMatchObject({ pulled: true, digest: registry.digest });
  });
});
