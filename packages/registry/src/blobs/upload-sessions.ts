import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import type { UploadOwner } from '@berth/core';
import { BlobStoreError, isUploadId } from './blob-store-error.js';
import { isMissingFile } from './is-missing-file.js';
import { KeyedLock } from './keyed-lock.js';

interface OwnerFile {
  readonly owner: UploadOwner;
  readonly startedAt: number;
}

/** The sha256 of a session's first `length` bytes, kept while appends arrive in order. */
interface RunningHash {
  readonly hash: Hash;
  readonly length: number;
}

/**
 * Upload sessions on disk: `<dir>/<uuid>/data` (the bytes so far) and `owner.json` (owner and
 * start time). Appends to one session run one at a time; each must start at the current length.
 * A failed append (a client gone mid-body) truncates the data back to where it started, so a
 * session always holds whole chunks. The running sha256 lives in memory only; after a restart, or
 * whenever it does not line up with the data, `sha256` re-reads the file.
 */
export class UploadSessions {
  readonly #dir: string;
  readonly #locks = new KeyedLock();
  readonly #hashes = new Map<string, RunningHash>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  dataPath(id: string): string {
    return join(this.#dir, id, 'data');
  }

  async start(owner: UploadOwner, startedAt: number): Promise<string> {
    const id = randomUUID();
    const dir = join(this.#dir, id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'data'), new Uint8Array(0));
    const file: OwnerFile = {
      owner: { partitionKey: owner.partitionKey, repositoryName: owner.repositoryName },
      startedAt,
    };
    await writeFile(join(dir, 'owner.json.tmp'), JSON.stringify(file));
    await rename(join(dir, 'owner.json.tmp'), join(dir, 'owner.json'));
    this.#hashes.set(id, { hash: createHash('sha256'), length: 0 });
    return id;
  }

  /** The session's owner file and length, or undefined when there is no (whole) session. */
  async status(id: string): Promise<(OwnerFile & { readonly offset: number }) | undefined> {
    if (!isUploadId(id)) return undefined;
    try {
      const file = JSON.parse(await readFile(join(this.#dir, id, 'owner.json'), 'utf8')) as OwnerFile;
      const { size } = await stat(this.dataPath(id));
      return { owner: file.owner, startedAt: file.startedAt, offset: size };
    } catch (error) {
      if (isMissingFile(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** Runs `task` while no other append, completion or removal of the session runs. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.#locks.run(id, task);
  }

  /** Appends the stream at `offset` (must be the current length). Call inside `exclusive`. */
  async append(id: string, offset: number, body: AsyncIterable<Uint8Array>): Promise<number> {
    const current = await this.status(id);
    if (current === undefined) throw new BlobStoreError('BLOB_UPLOAD_UNKNOWN', `upload ${id} unknown`);
    if (offset !== current.offset) {
      throw new BlobStoreError('RANGE_INVALID', `upload ${id} holds ${current.offset} bytes, not ${offset}`);
    }
    const running = this.#hashes.get(id);
    const before = running?.length === offset ? running.hash.copy() : undefined;
    const hash = running?.length === offset ? running.hash : undefined;
    this.#hashes.delete(id);
    const handle = await open(this.dataPath(id), 'r+');
    let length = offset;
    try {
      for await (const chunk of body) {
        await handle.write(chunk, 0, chunk.byteLength, length);
        hash?.update(chunk);
        length += chunk.byteLength;
      }
    } catch (error) {
      await handle.truncate(offset);
      if (before !== undefined) this.#hashes.set(id, { hash: before, length: offset });
      throw error;
    } finally {
      await handle.close();
    }
    if (hash !== undefined) this.#hashes.set(id, { hash, length });
    return length;
  }

  /** The hex sha256 of the session's bytes. Call inside `exclusive`. */
  async sha256(id: string, length: number): Promise<string> {
    const running = this.#hashes.get(id);
    if (running?.length === length) return running.hash.copy().digest('hex');
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.dataPath(id)) as Readable & AsyncIterable<Buffer>) {
      hash.update(chunk);
    }
    return hash.digest('hex');
  }

  /** Flushes the session's bytes to disk (before they are renamed into the blob store). */
  async sync(id: string): Promise<void> {
    const handle = await open(this.dataPath(id), 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Removes the session's files. Call inside `exclusive` (or through `remove`). */
  async discard(id: string): Promise<void> {
    this.#hashes.delete(id);
    if (isUploadId(id)) await rm(join(this.#dir, id), { recursive: true, force: true });
  }

  remove(id: string): Promise<void> {
    return this.exclusive(id, () => this.discard(id));
  }

  /** Removes sessions started before the cutoff; a session without a readable owner file counts by its directory's time. */
  async removeStartedBefore(cutoff: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if (isMissingFile(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter(isUploadId)) {
      const startedAt = (await this.status(name))?.startedAt ?? (await this.#dirTime(name));
      if (startedAt === undefined || startedAt >= cutoff) continue;
      await this.remove(name);
      removed += 1;
    }
    return removed;
  }

  async #dirTime(id: string): Promise<number | undefined> {
    try {
      return (await stat(join(this.#dir, id))).mtimeMs;
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw error;
    }
  }
}
