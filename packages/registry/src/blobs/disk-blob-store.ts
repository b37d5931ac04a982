import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import type { BlobInfo, LayerBlobs, UploadOwner } from '@berth/core';

import type { ByteRange } from './blob-info.js';
import { BlobStoreError, isSha256Digest, sha256Hex } from './blob-store-error.js';
import { isMissingFile } from './is-missing-file.js';
import { KeyedLock } from './keyed-lock.js';
import { UploadSessions } from './upload-sessions.js';

export interface DiskBlobStoreConfig {
  /** The data directory: blobs under `blobs/sha256/`, upload sessions under `uploads/`. */
  readonly root: string;
  /** Epoch ms; the time touch, completion and session starts record. */
  readonly now?: () => number;
}

/**
 * Content-addressed blobs on disk (`<root>/blobs/sha256/<2 hex>/<hex>`) and resumable upload
 * sessions (`<root>/uploads/<uuid>/{data,owner.json}`). Satisfies @berth/ecr's LayerBlobs.
 *
 * Invariant: a blob path only ever holds whole, verified bytes — a session's data is hashed,
 * fsynced and then renamed into place, so a crash mid-push leaves at most a session behind.
 * touch, completeUpload and deleteIfUntouchedSince take one per-digest lock, so a collection
 * never deletes a blob that a concurrent push has just written or HEADed.
 */
export class DiskBlobStore implements LayerBlobs {
  readonly #blobsDir: string;
  readonly #now: () => number;
  readonly #sessions: UploadSessions;
  readonly #digestLocks = new KeyedLock();

  constructor(config: DiskBlobStoreConfig) {
    this.#blobsDir = join(config.root, 'blobs', 'sha256');
    this.#now = config.now ?? Date.now;
    this.#sessions = new UploadSessions(join(config.root, 'uploads'));
  }

  async stat(digest: string): Promise<BlobInfo | undefined> {
    try {
      const info = await stat(this.#blobPath(digest));
      return { digest, size: info.size, modifiedAt: info.mtimeMs };
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw error;
    }
  }

  async touch(digest: string): Promise<void> {
    const path = this.#blobPath(digest);
    return this.#digestLocks.run(digest, async () => {
      try {
        await this.#stamp(path);
      } catch (error) {
        if (!isMissingFile(error)) throw error;
      }
    });
  }

  startUpload(owner: UploadOwner): Promise<string> {
    return this.#sessions.start(owner, this.#now());
  }

  async uploadStatus(
    uploadId: string,
  ): Promise<{ readonly owner: UploadOwner; readonly offset: number } | undefined> {
    const status = await this.#sessions.status(uploadId);
    return status && { owner: status.owner, offset: status.offset };
  }

  appendUpload(uploadId: string, offset: number, data: Uint8Array): Promise<number> {
    return this.appendUploadStream(uploadId, offset, Readable.from([data]));
  }

  /**
   * Streams `body` onto the session at `offset` (the current length, else RANGE_INVALID). If the
   * stream fails midway the session goes back to `offset`. Resolves to the new length.
   */
  appendUploadStream(uploadId: string, offset: number, body: AsyncIterable<Uint8Array>): Promise<number> {
    return this.#sessions.exclusive(uploadId, () => this.#sessions.append(uploadId, offset, body));
  }

  async completeUpload(uploadId: string, digest: string): Promise<BlobInfo> {
    const hex = sha256Hex(digest);
    return this.#sessions.exclusive(uploadId, async () => {
      const status = await this.#sessions.status(uploadId);
      if (status === undefined) throw new BlobStoreError('BLOB_UPLOAD_UNKNOWN', `upload ${uploadId} unknown`);
      const actual = await this.#sessions.sha256(uploadId, status.offset);
      if (actual !== hex) {
        // As distribution does: a failed completion ends the session.
        await this.#sessions.discard(uploadId);
        throw new BlobStoreError(
          'DIGEST_INVALID',
          `upload ${uploadId} has digest sha256:${actual}, not ${digest}`,
        );
      }
      await this.#sessions.sync(uploadId);
      await this.#digestLocks.run(digest, async () => {
        const path = this.#blobPath(digest);
        if ((await this.stat(digest)) === undefined) {
          await mkdir(join(this.#blobsDir, hex.slice(0, 2)), { recursive: true });
          await rename(this.#sessions.dataPath(uploadId), path);
          await this.#syncDir(join(this.#blobsDir, hex.slice(0, 2)));
        }
        await this.#stamp(path);
      });
      await this.#sessions.discard(uploadId);
      const info = await this.stat(digest);
      if (info === undefined) throw new Error(`blob ${digest} vanished right after its upload completed`);
      return info;
    });
  }

  cancelUpload(uploadId: string): Promise<void> {
    return this.#sessions.remove(uploadId);
  }

  async *list(): AsyncIterable<BlobInfo> {
    for (const prefix of await this.#names(this.#blobsDir)) {
      for (const name of await this.#names(join(this.#blobsDir, prefix))) {
        const digest = `sha256:${name}`;
        if (!isSha256Digest(digest) || !name.startsWith(prefix)) continue;
        const info = await this.stat(digest);
        if (info !== undefined) yield info;
      }
    }
  }

  async deleteIfUntouchedSince(digest: string, notTouchedSince: number): Promise<boolean> {
    const path = this.#blobPath(digest);
    return this.#digestLocks.run(digest, async () => {
      const info = await this.stat(digest);
      if (info === undefined || info.modifiedAt >= notTouchedSince) return false;
      await unlink(path);
      return true;
    });
  }

  removeUploadsStartedBefore(cutoff: number): Promise<number> {
    return this.#sessions.removeStartedBefore(cutoff);
  }

  /**
   * A stream of the blob's bytes, or of the inclusive `range` of them. The file is opened before
   * this resolves, so a blob deleted afterwards still streams whole; a missing blob rejects with
   * BLOB_UNKNOWN.
   */
  async openRead(digest: string, range?: ByteRange): Promise<Readable> {
    let handle;
    try {
      handle = await open(this.#blobPath(digest), 'r');
    } catch (error) {
      if (isMissingFile(error)) throw new BlobStoreError('BLOB_UNKNOWN', `blob ${digest} unknown`);
      throw error;
    }
    return createReadStream('', range ? { fd: handle, start: range.start, end: range.end } : { fd: handle });
  }

  #blobPath(digest: string): string {
    const hex = sha256Hex(digest);
    return join(this.#blobsDir, hex.slice(0, 2), hex);
  }

  async #stamp(path: string): Promise<void> {
    const seconds = this.#now() / 1000;
    await utimes(path, seconds, seconds);
  }

  async #names(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).sort();
    } catch (error) {
      if (isMissingFile(error)) return [];
      throw error;
    }
  }

  async #syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
