/**
 * The physical floor, in-process and with no HTTP: what storing the image costs (read each layer,
 * sha256 it, write it to a new file next to the registries' storage — `concurrency` at a time, no
 * fsync, as neither registry syncs per blob) and what serving it costs (read it back and hash it).
 * Both registries do at least this much per push and per pull, on top of the HTTP they speak.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { inPool } from './in-pool.js';
import type { TestImage } from './test-image.js';

const CHUNK = 1 << 20;

export interface FloorRound {
  readonly storeMBps: number;
  readonly readMBps: number;
}

const hashing = (): Transform => {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      hash.digest();
      done();
    },
  });
};

const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** Times storing then reading `image`'s layers; the copies written under `dir` are removed. */
export const measureDiskFloor = async (
  image: TestImage,
  dir: string,
  concurrency: number,
): Promise<FloorRound> => {
  const bytes = image.layers.reduce((sum, layer) => sum + layer.size, 0);
  const copies = image.layers.map((_, i) => join(dir, `floor-${i}`));
  try {
    const stored = performance.now();
    await inPool(image.layers, concurrency, (layer, i) =>
      pipeline(
        createReadStream(layer.path, { highWaterMark: CHUNK }),
        hashing(),
        createWriteStream(copies[i]!),
      ),
    );
    const storeMs = performance.now() - stored;
    const read = performance.now();
    await inPool(image.layers, concurrency, async (_layer, i) => {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(copies[i]!, { highWaterMark: CHUNK }))
        hash.update(chunk as Buffer);
      hash.digest();
    });
    return { storeMBps: mbPerSecond(bytes, storeMs), readMBps: mbPerSecond(bytes, performance.now() - read) };
  } finally {
    for (const copy of copies) rmSync(copy, { force: true });
  }
};
