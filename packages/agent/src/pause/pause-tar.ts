import { Readable } from 'node:stream';

import { pack } from 'tar-stream';

import { buildPauseElf } from './pause-elf.js';

/** A root filesystem tar holding only `/pause` (mode 0755), ready for an image import. */
export const pauseRootfsTar = async (): Promise<Buffer> => {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => {
    chunks.push(Buffer.from(chunk as Uint8Array));
  });
  const ended = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  const elf = Buffer.from(buildPauseElf());
  await new Promise<void>((resolve, reject) => {
    tar.entry({ name: 'pause', mode: 0o755, size: elf.length, mtime: new Date(0) }, elf, (error) =>
      error ? reject(error) : resolve(),
    );
  });
  tar.finalize();
  await ended;
  return Buffer.concat(chunks);
};

export const pauseRootfsStream = async (): Promise<Readable> => Readable.from([await pauseRootfsTar()]);
