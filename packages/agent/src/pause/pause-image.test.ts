import { afterAll, describe, expect, it } from 'vitest';

import { DockerRuntime } from '../runtime/docker/docker-runtime.js';
import {
  docker,
  removeOwned,
  shortId,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import { BUILT_IN_PAUSE_IMAGE, PauseImage } from './pause-image.js';
import { pauseRootfsStream } from './pause-tar.js';

const owner = uniqueInstanceArn('pause');
const runtime = new DockerRuntime({ docker });

describe('PauseImage', () => {
  const testTag = `berth-test/pause:${shortId()}`;

  afterAll(async () => {
    await removeOwned(owner);
    await docker.getImage(testTag).remove({ force: true });
  });

  it('imports the generated rootfs as an image whose container stays up until killed', async () => {
    await runtime.importImage({ tag: testTag, tar: await pauseRootfsStream(), changes: ['CMD ["/pause"]'] });
    const image = await docker.getImage(testTag).inspect();
    expect(image.Config.Cmd).toEqual(['/pause']);
    expect(image.Size).toBeLessThan(4096);

    const container = await docker.createContainer({
      Image: testTag,
      Labels: { 'dev.berth.managed': 'true', 'dev.berth.container-instance': owner },
    });
    await container.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await container.inspect()).State.Running).toBe(true);
    await runtime.stopContainer(owner, container.id, 1);
    const stopped = await waitUntil(async () => {
      const info = await container.inspect();
      return info.State.Running ? undefined : info;
    }, 10_000);
    expect(stopped.State.ExitCode).toBe(137);
  });

  it('ensures the built-in image once and reuses it', async () => {
    const pause = new PauseImage(runtime, { arch: 'x64' });
    const [a, b] = await Promise.all([pause.ensure(), pause.ensure()]);
    expect(a).toBe(BUILT_IN_PAUSE_IMAGE);
    expect(b).toBe(a);
    expect(await runtime.hasImage(BUILT_IN_PAUSE_IMAGE)).toBe(true);
  });

  it('refuses other architectures unless an image is configured', async () => {
    await expect(new PauseImage(runtime, { arch: 'arm64' }).ensure()).rejects.toThrow(
      /x86_64 only.*pauseImage/,
    );
  });
});
