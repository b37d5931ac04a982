import { request } from 'node:http';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  AUTH,
  basic,
  errorCode,
  sha256Of,
  startRegistry,
  type RunningRegistry,
} from '../registry.test-support.js';

let registry: RunningRegistry;
beforeEach(async () => {
  registry = await startRegistry();
});
afterEach(() => registry.stop());

const call = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${registry.base}${path}`, {
    ...init,
    headers: { ...AUTH, ...(init.headers as Record<string, string>) },
  });

/** Opens a session on `web`; resolves to its Location. */
const open = async (name = 'web'): Promise<string> => {
  const response = await call(`/v2/${name}/blobs/uploads/`, { method: 'POST' });
  expect(response.status).toBe(202);
  expect(response.headers.get('range')).toBe('0-0');
  expect(response.headers.get('content-length')).toBe('0');
  const location = response.headers.get('location')!;
  expect(location.endsWith(`/${response.headers.get('docker-upload-uuid')}`)).toBe(true);
  return location;
};

const patch = (location: string, chunk: string, range?: string): Promise<Response> =>
  call(location, {
    method: 'PATCH',
    body: chunk,
    headers: {
      'Content-Type': 'application/octet-stream',
      ...(range !== undefined && { 'Content-Range': range }),
    },
  });

const until = async (check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('upload sessions', () => {
  it('takes chunks, reports progress, resumes, and completes with PUT ?digest=', async () => {
    const location = await open();
    const first = await patch(location, 'hello ', '0-5');
    expect(first.status).toBe(202);
    expect(first.headers.get('range')).toBe('0-5');
    expect(first.headers.get('location')).toBe(location);
    const progress = await call(location);
    expect(progress.status).toBe(204);
    expect(progress.headers.get('range')).toBe('0-5');
    expect((await patch(location, 'wor')).headers.get('range')).toBe('0-8');
    const digest = sha256Of('hello world');
    const done = await call(`${location}?digest=${digest}`, { method: 'PUT', body: 'ld' });
    expect(done.status).toBe(201);
    expect(done.headers.get('location')).toBe(`/v2/web/blobs/${digest}`);
    expect(done.headers.get('docker-content-digest')).toBe(digest);
    expect(await (await call(`/v2/web/blobs/${digest}`)).text()).toBe('hello world');
    expect((await call(location)).status).toBe(404);
  });

  it('answers 416 to a chunk that does not start at the current offset, keeping the session', async () => {
    const location = await open();
    await patch(location, 'abc', '0-2');
    const gap = await patch(location, 'xyz', '5-7');
    expect(gap.status).toBe(416);
    expect(gap.headers.get('range')).toBe('0-2');
    expect((await patch(location, 'xyz', '0-2')).status).toBe(416);
    expect((await call(location)).headers.get('range')).toBe('0-2');
  });

  it('answers DIGEST_INVALID when the bytes do not hash to the digest, and serves nothing', async () => {
    const location = await open();
    await patch(location, 'actual');
    const claimed = sha256Of('claimed');
    const done = await call(`${location}?digest=${claimed}`, { method: 'PUT' });
    expect(done.status).toBe(400);
    expect(await errorCode(done)).toBe('DIGEST_INVALID');
    expect((await call(`/v2/web/blobs/${claimed}`, { method: 'HEAD' })).status).toBe(404);
    expect((await call(`/v2/web/blobs/${sha256Of('actual')}`, { method: 'HEAD' })).status).toBe(404);
    const monolithic = await call(`/v2/web/blobs/uploads/?digest=${claimed}`, {
      method: 'POST',
      body: 'actual',
    });
    expect(await errorCode(monolithic)).toBe('DIGEST_INVALID');
  });

  it('never serves a blob before its upload completes', async () => {
    const location = await open();
    const digest = sha256Of('all of it');
    await patch(location, 'all of');
    expect((await call(`/v2/web/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    expect(await registry.blobs.stat(digest)).toBeUndefined();
    expect((await call(`${location}?digest=${digest}`, { method: 'PUT', body: ' it' })).status).toBe(201);
    expect((await call(`/v2/web/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);
  });

  it("treats another repository's or account's session as unknown, and cancels with DELETE", async () => {
    const location = await open();
    const uuid = location.split('/').pop()!;
    const elsewhere = await call(`/v2/team/web-app/blobs/uploads/${uuid}`);
    expect(elsewhere.status).toBe(404);
    expect(await errorCode(elsewhere)).toBe('BLOB_UPLOAD_UNKNOWN');
    expect((await call(location, { headers: { Authorization: basic('other') } })).status).toBe(404);
    expect((await call(location, { method: 'DELETE' })).status).toBe(204);
    expect(await errorCode(await call(location))).toBe('BLOB_UPLOAD_UNKNOWN');
  });

  it('a client gone mid-PATCH leaves the session at its last whole chunk, and the push can resume', async () => {
    const location = await open();
    await patch(location, '0123456789');
    const uuid = location.split('/').pop()!;
    const req = request({
      host: '127.0.0.1',
      port: registry.port,
      method: 'PATCH',
      path: location,
      headers: { ...AUTH, 'Transfer-Encoding': 'chunked' },
    });
    req.on('error', () => undefined);
    req.write('partial chunk that never ends');
    await until(async () => ((await registry.blobs.uploadStatus(uuid))?.offset ?? 0) > 10);
    req.destroy();
    await until(async () => (await registry.blobs.uploadStatus(uuid))?.offset === 10);
    expect((await call(location)).headers.get('range')).toBe('0-9');
    expect((await patch(location, 'abc', '10-12')).status).toBe(202);
    const digest = sha256Of('0123456789abc');
    expect((await call(`${location}?digest=${digest}`, { method: 'PUT' })).status).toBe(201);
    expect(await (await call(`/v2/web/blobs/${digest}`)).text()).toBe('0123456789abc');
    expect(registry.logged).toEqual([]);
  });
});
