import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { sha256Of, tempDir } from '../registry.test-support.js';
import { DiskBlobStore } from './disk-blob-store.js';

const OWNER = { partitionKey: '111122223333/eu-west-1', repositoryName: 'web' };

let dir: Awaited<ReturnType<typeof tempDir>>;
let clock: number;
let store: DiskBlobStore;

beforeEach(async () => {
  dir = await tempDir();
  clock = 1_700_000_000_000;
  store = new DiskBlobStore({ root: dir.path, now: () => clock });
});
afterEach(() => dir.remove());

const push = async (content: string): Promise<string> => {
  const id = await store.startUpload(OWNER);
  await store.appendUpload(id, 0, Buffer.from(content));
  await store.completeUpload(id, sha256Of(content));
  return sha256Of(content);
};

const codeOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );

describe('DiskBlobStore uploads', () => {
  it('stores a chunked upload content-addressed, with owner.json beside the session data', async () => {
    const id = await store.startUpload(OWNER);
    const owner = JSON.parse(await readFile(join(dir.path, 'uploads', id, 'owner.json'), 'utf8')) as unknown;
    expect(owner).toEqual({ owner: OWNER, startedAt: clock });
    expect(await store.appendUpload(id, 0, Buffer.from('hello '))).toBe(6);
    expect(await store.appendUpload(id, 6, Buffer.from('world'))).toBe(11);
    expect(await store.uploadStatus(id)).toEqual({ owner: OWNER, offset: 11 });
    const digest = sha256Of('hello world');
    const info = await store.completeUpload(id, digest);
    expect(info).toEqual({ digest, size: 11, modifiedAt: clock });
    const hex = digest.slice(7);
    expect(await readFile(join(dir.path, 'blobs', 'sha256', hex.slice(0, 2), hex), 'utf8')).toBe(
      'hello world',
    );
    expect(await store.uploadStatus(id)).toBeUndefined();
    expect(existsSync(join(dir.path, 'uploads', id))).toBe(false);
  });

  it('rejects an append that does not start at the current length with RANGE_INVALID', async () => {
    const id = await store.startUpload(OWNER);
    await store.appendUpload(id, 0, Buffer.from('abc'));
    expect(await codeOf(store.appendUpload(id, 2, Buffer.from('x')))).toBe('RANGE_INVALID');
    expect(await codeOf(store.appendUpload(id, 4, Buffer.from('x')))).toBe('RANGE_INVALID');
    expect((await store.uploadStatus(id))?.offset).toBe(3);
  });

  it('never makes a blob visible before it is whole and verified', async () => {
    const id = await store.startUpload(OWNER);
    await store.appendUpload(id, 0, Buffer.from('partial'));
    const digest = sha256Of('partial and the rest');
    expect(await store.stat(digest)).toBeUndefined();
    expect(await codeOf(store.openRead(digest))).toBe('BLOB_UNKNOWN');
    expect(await readdir(join(dir.path, 'blobs', 'sha256')).catch(() => [])).toEqual([]);
  });

  it('on a digest mismatch rejects with DIGEST_INVALID, stores nothing and ends the session (as distribution)', async () => {
    const id = await store.startUpload(OWNER);
    await store.appendUpload(id, 0, Buffer.from('actual bytes'));
    const claimed = sha256Of('other bytes');
    expect(await codeOf(store.completeUpload(id, claimed))).toBe('DIGEST_INVALID');
    expect(await store.stat(claimed)).toBeUndefined();
    expect(await store.stat(sha256Of('actual bytes'))).toBeUndefined();
    expect(await store.uploadStatus(id)).toBeUndefined();
  });

  it('accepts only sha256:<64 lowercase hex> digests', async () => {
    const id = await store.startUpload(OWNER);
    expect(await codeOf(store.completeUpload(id, `sha512:${'a'.repeat(128)}`))).toBe('UNSUPPORTED');
    expect(await codeOf(store.completeUpload(id, `sha256:${'A'.repeat(64)}`))).toBe('DIGEST_INVALID');
    expect(await codeOf(store.stat('sha256:../../etc/passwd'))).toBe('DIGEST_INVALID');
    expect(await store.uploadStatus('../../etc')).toBeUndefined();
  });

  it('re-hashes the data file when the in-memory hash is gone (a restarted server)', async () => {
    const id = await store.startUpload(OWNER);
    await store.appendUpload(id, 0, Buffer.from('before restart, '));
    const restarted = new DiskBlobStore({ root: dir.path, now: () => clock });
    expect((await restarted.uploadStatus(id))?.offset).toBe(16);
    await restarted.appendUpload(id, 16, Buffer.from('after'));
    const digest = sha256Of('before restart, after');
    expect((await restarted.completeUpload(id, digest)).size).toBe(21);
    expect(await codeOf(store.completeUpload(id, digest))).toBe('BLOB_UPLOAD_UNKNOWN');
  });

  it('truncates the session back to where a failed stream started, and the hash stays right', async () => {
    const id = await store.startUpload(OWNER);
    await store.appendUpload(id, 0, Buffer.from('good '));
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield await Promise.resolve(Buffer.from('half a chu'));
      throw new Error('client went away');
    }
    await expect(store.appendUploadStream(id, 5, failing())).rejects.toThrow('client went away');
    expect((await store.uploadStatus(id))?.offset).toBe(5);
    await store.appendUploadStream(id, 5, Readable.from([Buffer.from('chunk')]));
    expect((await store.completeUpload(id, sha256Of('good chunk'))).size).toBe(10);
  });

  it('completing a blob the store already holds just drops the session and refreshes the blob', async () => {
    const digest = await push('same');
    clock += 60_000;
    await push('same');
    expect(await store.stat(digest)).toEqual({ digest, size: 4, modifiedAt: clock });
    expect(await readdir(join(dir.path, 'uploads'))).toEqual([]);
  });

  it('cancels sessions and removes those started before a cutoff', async () => {
    const old = await store.startUpload(OWNER);
    clock += 1000;
    const fresh = await store.startUpload(OWNER);
    const cancelled = await store.startUpload(OWNER);
    await store.cancelUpload(cancelled);
    expect(await store.uploadStatus(cancelled)).toBeUndefined();
    expect(await store.removeUploadsStartedBefore(clock)).toBe(1);
    expect(await store.uploadStatus(old)).toBeUndefined();
    expect(await store.uploadStatus(fresh)).toBeDefined();
  });
});

describe('DiskBlobStore blobs', () => {
  it('lists every blob and reads ranges', async () => {
    const a = await push('0123456789');
    const b = await push('second');
    const listed = [];
    for await (const info of store.list()) listed.push(info.digest);
    expect(listed.sort()).toEqual([a, b].sort());
    const read = async (range?: { start: number; end: number }): Promise<string> =>
      (await (await store.openRead(a, range)).toArray()).join('');
    expect(await read()).toBe('0123456789');
    expect(await read({ start: 2, end: 4 })).toBe('234');
  });

  it('touch moves modifiedAt to now; deleteIfUntouchedSince spares blobs touched at or after the cutoff', async () => {
    const digest = await push('layer');
    clock += 10_000;
    await store.touch(digest);
    expect((await store.stat(digest))?.modifiedAt).toBe(clock);
    expect(await store.deleteIfUntouchedSince(digest, clock)).toBe(false);
    expect(await store.deleteIfUntouchedSince(digest, clock + 1)).toBe(true);
    expect(await store.stat(digest)).toBeUndefined();
    expect(await store.deleteIfUntouchedSince(digest, clock + 1)).toBe(false);
    await store.touch(digest); // a touch of a missing blob is not an error and creates nothing
    expect(await store.stat(digest)).toBeUndefined();
  });

  it('a touch that starts before a collection wins the race', async () => {
    const digest = await push('raced');
    const cutoff = clock + 5_000;
    clock += 10_000;
    const touched = store.touch(digest);
    const deleted = store.deleteIfUntouchedSince(digest, cutoff);
    await touched;
    expect(await deleted).toBe(false);
    expect(await store.stat(digest)).toBeDefined();
  });

  it('a push completing while a collection runs never loses the blob', async () => {
    for (let round = 0; round < 20; round += 1) {
      const content = `blob ${round}`;
      const digest = await push(content);
      const cutoff = clock + 5_000;
      clock += 10_000;
      const id = await store.startUpload(OWNER);
      await store.appendUpload(id, 0, Buffer.from(content));
      const results = await Promise.all([
        store.deleteIfUntouchedSince(digest, cutoff),
        store.completeUpload(id, digest),
      ]);
      expect(results[1].digest).toBe(digest);
      expect(await store.stat(digest)).toBeDefined();
    }
  });
});
