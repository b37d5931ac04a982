/**
 * One round over every system, step by step, so that the figures paired are taken close together:
 * push on A then B; pull on B then A (A B B A: a drift of the machine's load within the round
 * favours neither); then first-byte GETs alternating A, B, A, B — the manifest by tag, then a
 * layer blob. A system that fails a step is out of the rest of the round, its error reported.
 */
import { blobFirstByteMs, manifestFirstByteMs, pullImage, pushImage } from './distribution-client.js';
import type { RegistrySettings, SystemRound } from './registry-results.js';
import type { RegistryUnderTest } from './registry-under-test.js';
import type { TestImage } from './test-image.js';

const TAG = 'latest';

const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

const timed = async (work: () => Promise<void>): Promise<number> => {
  const began = performance.now();
  await work();
  return performance.now() - began;
};

interface Samples {
  pushMs: number;
  pullMs: number;
  readonly blob: number[];
  readonly manifest: number[];
}

export const measureRound = async (
  systems: readonly RegistryUnderTest[],
  image: TestImage,
  repository: string,
  settings: RegistrySettings,
  failed: (system: RegistryUnderTest, error: unknown) => void,
): Promise<Record<string, SystemRound>> => {
  const samples = new Map<RegistryUnderTest, Samples>(
    systems.map((s) => [s, { pushMs: Number.NaN, pullMs: Number.NaN, blob: [], manifest: [] }]),
  );
  const step = async (
    order: readonly RegistryUnderTest[],
    work: (s: RegistryUnderTest, into: Samples) => Promise<void>,
  ) => {
    for (const system of order) {
      const into = samples.get(system);
      if (!into) continue;
      try {
        await work(system, into);
      } catch (error) {
        samples.delete(system);
        failed(system, error);
      }
    }
  };
  const { concurrency } = settings;
  await step(systems, (s) => s.createRepository(repository));
  await step(systems, async (s, into) => {
    into.pushMs = await timed(() => pushImage(s.connection, repository, TAG, image, concurrency));
  });
  await step([...systems].reverse(), async (s, into) => {
    into.pullMs = await timed(() =>
      pullImage(s.connection, repository, TAG, image.manifest.digest, concurrency),
    );
  });
  for (let i = 0; i < settings.firstByteSamples; i++) {
    const layer = image.layers[i % image.layers.length]!;
    await step(systems, async (s, into) => {
      into.manifest.push(await manifestFirstByteMs(s.connection, repository, TAG));
    });
    await step(systems, async (s, into) => {
      into.blob.push(await blobFirstByteMs(s.connection, repository, layer.digest));
    });
  }
  return Object.fromEntries(
    [...samples].map(([system, s]) => [
      system.system,
      {
        pushMBps: mbPerSecond(image.blobBytes, s.pushMs),
        pullMBps: mbPerSecond(image.blobBytes, s.pullMs),
        blobFirstByteMs: s.blob,
        manifestFirstByteMs: s.manifest,
      },
    ]),
  );
};
