/**
 * Whether the host's busybox can run inside any image: it must be a statically linked ELF (Debian's
 * busybox-static; the `busybox` package's binary needs the host's libc, which a container lacks).
 * Reads the ELF program headers and looks for an interpreter (PT_INTERP) — a static binary has none.
 */
import { open } from 'node:fs/promises';

import { injectionError } from './secret-errors.js';

const PT_INTERP = 3;
const HEADER_BYTES = 64;

const hasInterpreter = (table: Buffer, count: number, entrySize: number, little: boolean): boolean => {
  for (let i = 0; i < count; i++) {
    const type = little ? table.readUInt32LE(i * entrySize) : table.readUInt32BE(i * entrySize);
    if (type === PT_INTERP) return true;
  }
  return false;
};

/** Resolves when `path` is a static ELF executable; rejects with the task's failure otherwise. */
export const checkStaticBusybox = async (path: string): Promise<void> => {
  const missing = injectionError(
    `secrets and environment files are injected through a static busybox at ${path}, which this host lacks: install Debian's busybox-static (apt-get install busybox-static)`,
  );
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    throw missing;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    await file.read(header, 0, HEADER_BYTES, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46) throw missing;
    const is64 = header[4] === 2;
    const little = header[5] === 1;
    const u16 = (at: number): number => (little ? header.readUInt16LE(at) : header.readUInt16BE(at));
    const phoff = is64
      ? Number(little ? header.readBigUInt64LE(32) : header.readBigUInt64BE(32))
      : little
        ? header.readUInt32LE(28)
        : header.readUInt32BE(28);
    const entrySize = u16(is64 ? 54 : 42);
    const count = u16(is64 ? 56 : 44);
    const table = Buffer.alloc(entrySize * count);
    await file.read(table, 0, table.length, phoff);
    if (hasInterpreter(table, count, entrySize, little))
      throw injectionError(
        `${path} is dynamically linked and cannot run inside a container: install Debian's busybox-static (apt-get install busybox-static)`,
      );
  } finally {
    await file.close();
  }
};
