import { request } from 'node:http';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ACCOUNT_A,
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

/** Pushes a blob monolithically to `web` and returns its digest. */
const pushBlob = async (content: string, name = 'web'): Promise<string> => {
  const digest = sha256Of(content);
  const response = await call(`/v2/${name}/blobs/uploads/?digest=${digest}`, {
    method: 'POST',
    body: content,
  });
  expect(response.status).toBe(201);
  return digest;
};

describe('authentication (as ECR)', () => {
  it("challenges a request without credentials with ECR's exact 401", async () => {
    const response = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: registry.port,
            path: '/v2/',
            headers: { Host: '111122223333.dkr.ecr.eu-west-1.amazonaws.com' },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      'Basic realm="https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/",service="ecr.amazonaws.com"',
    );
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['docker-distribution-api-version']).toBe('registry/2.0');
    expect(response.body).toBe('Not Authorized\n');
  });

  it('answers GET /v2/ with {} for a good token, 400 for a bad one, 403 DENIED for an expired one', async () => {
    const ok = await call('/v2/');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({});
    expect(ok.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect((await call('/v2/', { headers: { Authorization: basic('forged') } })).status).toBe(400);
    expect((await call('/v2/', { headers: { Authorization: basic('good', 'admin') } })).status).toBe(400);
    const expired = await call('/v2/', { headers: { Authorization: basic('expired') } });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({
      errors: [
        { code: 'DENIED', message: 'Your authorization token has expired. Reauthenticate and try again.' },
      ],
    });
  });

  it("scopes repositories to the token's account: NAME_UNKNOWN in ECR's words", async () => {
    const other = await call('/v2/web/tags/list', { headers: { Authorization: basic('other') } });
    expect(other.status).toBe(404);
    const body = (await other.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({
      code: 'NAME_UNKNOWN',
      message: "The repository with name 'web' does not exist in the registry with id '444455556666'",
    });
    expect(await errorCode(await call('/v2/nope/blobs/uploads/', { method: 'POST' }))).toBe('NAME_UNKNOWN');
    expect((await call('/v2/not/a/route')).status).toBe(404);
    expect(await errorCode(await call('/v2/web/tags/list', { method: 'POST' }))).toBe('UNSUPPORTED');
  });
});

describe('blobs', () => {
  it('pushes monolithically and serves HEAD/GET with digest, length and ranges to a nested name', async () => {
    const digest = await pushBlob('0123456789', 'team/web-app');
    const head = await call(`/v2/team/web-app/blobs/${digest}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('docker-content-digest')).toBe(digest);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(head.headers.get('content-type')).toBe('application/octet-stream');
    expect(await (await call(`/v2/team/web-app/blobs/${digest}`)).text()).toBe('0123456789');
    const ranged = await call(`/v2/team/web-app/blobs/${digest}`, { headers: { Range: 'bytes=3-5' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 3-5/10');
    expect(await ranged.text()).toBe('345');
    const tail = await call(`/v2/team/web-app/blobs/${digest}`, { headers: { Range: 'bytes=-2' } });
    expect(await tail.text()).toBe('89');
    const outside = await call(`/v2/team/web-app/blobs/${digest}`, { headers: { Range: 'bytes=10-' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */10');
  });

  it('serves a blob only to repositories it is linked to, and refuses DELETE', async () => {
    const digest = await pushBlob('linked to web only');
    const elsewhere = await call(`/v2/team/web-app/blobs/${digest}`);
    expect(elsewhere.status).toBe(404);
    expect(await errorCode(elsewhere)).toBe('BLOB_UNKNOWN');
    const deleted = await call(`/v2/web/blobs/${digest}`, { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(await errorCode(deleted)).toBe('UNSUPPORTED');
    expect((await call(`/v2/web/blobs/sha256:nothex`)).status).toBe(400);
  });

  it('HEAD touches the blob so collection spares it', async () => {
    const digest = await pushBlob('touched');
    const before = (await registry.blobs.stat(digest))!.modifiedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await call(`/v2/web/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);
    const after = (await registry.blobs.stat(digest))!.modifiedAt;
    expect(after).toBeGreaterThan(before);
    expect(await registry.blobs.deleteIfUntouchedSince(digest, after)).toBe(false);
  });

  it('mounts from another repository the blob is linked to, else opens a session', async () => {
    const digest = await pushBlob('shared layer');
    const mounted = await call(`/v2/team/web-app/blobs/uploads/?mount=${digest}&from=web`, {
      method: 'POST',
    });
    expect(mounted.status).toBe(201);
    expect(mounted.headers.get('location')).toBe(`/v2/team/web-app/blobs/${digest}`);
    expect(mounted.headers.get('docker-content-digest')).toBe(digest);
    expect(registry.catalog.hasBlob(ACCOUNT_A, 'team/web-app', digest)).toBe(true);
    const unknown = sha256Of('not pushed anywhere');
    const fallback = await call(`/v2/team/web-app/blobs/uploads/?mount=${unknown}&from=web`, {
      method: 'POST',
    });
    expect(fallback.status).toBe(202);
    expect(fallback.headers.get('location')).toMatch(/^\/v2\/team\/web-app\/blobs\/uploads\/[0-9a-f-]{36}$/);
  });
});
