import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  DOCKER_MANIFEST_LIST_V2,
  DOCKER_MANIFEST_V2,
  OCI_IMAGE_INDEX,
  OCI_IMAGE_MANIFEST,
} from '@berth/core';
import {
  ACCOUNT_A,
  AUTH,
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

const pushBlob = async (content: string): Promise<{ digest: string; size: number }> => {
  const digest = sha256Of(content);
  expect(
    (await call(`/v2/web/blobs/uploads/?digest=${digest}`, { method: 'POST', body: content })).status,
  ).toBe(201);
  return { digest, size: Buffer.byteLength(content) };
};

/** A Docker v2 image manifest over pushed blobs, serialised with odd whitespace on purpose. */
const imageManifest = async (mediaType = DOCKER_MANIFEST_V2, extra = ''): Promise<string> => {
  const config = await pushBlob('{"architecture":"amd64"}');
  const layer = await pushBlob('layer bytes');
  return `{\n   "schemaVersion": 2,  "mediaType": "${mediaType}",${extra}\n "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": ${config.size}, "digest": "${config.digest}"},\n\t"layers": [ {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": ${layer.size}, "digest": "${layer.digest}"} ] }\n`;
};

const put = (reference: string, body: string, contentType: string): Promise<Response> =>
  call(`/v2/web/manifests/${reference}`, { method: 'PUT', body, headers: { 'Content-Type': contentType } });

describe('manifests', () => {
  it('stores and serves the exact bytes by tag and by digest; the digest is the sha256 of the bytes', async () => {
    const body = await imageManifest();
    const digest = sha256Of(body);
    const pushed = await put('v1', body, DOCKER_MANIFEST_V2);
    expect(pushed.status).toBe(201);
    expect(pushed.headers.get('docker-content-digest')).toBe(digest);
    expect(pushed.headers.get('location')).toBe(`/v2/web/manifests/${digest}`);
    for (const reference of ['v1', digest]) {
      const got = await call(`/v2/web/manifests/${reference}`, { headers: { Accept: DOCKER_MANIFEST_V2 } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(DOCKER_MANIFEST_V2);
      expect(got.headers.get('docker-content-digest')).toBe(digest);
      expect(got.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(await got.text()).toBe(body);
    }
    const head = await call('/v2/web/manifests/v1', { method: 'HEAD' });
    expect(head.headers.get('docker-content-digest')).toBe(digest);
    expect(registry.catalog.pulls).toEqual([
      `111122223333/eu-west-1/web@${digest}`,
      `111122223333/eu-west-1/web@${digest}`,
    ]);
  });

  it('negotiates by Accept: no header or */* gets anything, a list without the stored type gets MANIFEST_UNKNOWN', async () => {
    const child = await imageManifest(OCI_IMAGE_MANIFEST);
    expect((await put(sha256Of(child), child, OCI_IMAGE_MANIFEST)).status).toBe(201);
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_IMAGE_INDEX,
      manifests: [{ mediaType: OCI_IMAGE_MANIFEST, digest: sha256Of(child), size: Buffer.byteLength(child) }],
    });
    expect((await put('multi', index, OCI_IMAGE_INDEX)).status).toBe(201);
    const oldClient = await call('/v2/web/manifests/multi', {
      headers: { Accept: `${DOCKER_MANIFEST_V2}, ${DOCKER_MANIFEST_LIST_V2}` },
    });
    expect(oldClient.status).toBe(404);
    expect(await errorCode(oldClient)).toBe('MANIFEST_UNKNOWN');
    const modern = await call('/v2/web/manifests/multi', {
      headers: { Accept: `${DOCKER_MANIFEST_V2};q=0.9, ${OCI_IMAGE_INDEX}` },
    });
    expect(modern.headers.get('content-type')).toBe(OCI_IMAGE_INDEX);
    expect((await call('/v2/web/manifests/multi', { headers: { Accept: '*/*' } })).status).toBe(200);
    expect((await call('/v2/web/manifests/multi')).status).toBe(200);
  });

  it('rejects a digest reference that is not the sha256 of the bytes, missing blobs and schema 1', async () => {
    const body = await imageManifest();
    const wrong = await put(sha256Of('something else'), body, DOCKER_MANIFEST_V2);
    expect(wrong.status).toBe(400);
    expect(await errorCode(wrong)).toBe('DIGEST_INVALID');
    const dangling = body.replace(/sha256:[0-9a-f]{64}/, sha256Of('never pushed'));
    expect(await errorCode(await put('v2', dangling, DOCKER_MANIFEST_V2))).toBe('MANIFEST_BLOB_UNKNOWN');
    const schema1 = JSON.stringify({ schemaVersion: 1, name: 'web', tag: 'old', fsLayers: [] });
    const refused = await put('old', schema1, 'application/vnd.docker.distribution.manifest.v1+prettyjws');
    expect(refused.status).toBe(400);
    expect(await errorCode(refused)).toBe('MANIFEST_INVALID');
    expect(await errorCode(await put('bad', 'not json', DOCKER_MANIFEST_V2))).toBe('MANIFEST_INVALID');
    const huge = await put('huge', ' '.repeat(4 * 1024 * 1024 + 1), DOCKER_MANIFEST_V2);
    expect(huge.status).toBe(413);
    expect(await errorCode(await call('/v2/web/manifests/nope'))).toBe('MANIFEST_UNKNOWN');
  });

  it("maps the catalog's immutable-tag refusal to TAG_INVALID", async () => {
    registry.catalog.addRepository(ACCOUNT_A, 'locked', { immutable: true });
    const body = await imageManifest();
    const config = JSON.parse(body) as { config: { digest: string }; layers: { digest: string }[] };
    for (const d of [config.config.digest, config.layers[0]!.digest])
      registry.catalog.linkBlob(ACCOUNT_A, 'locked', d);
    const first = await call('/v2/locked/manifests/v1', {
      method: 'PUT',
      body,
      headers: { 'Content-Type': DOCKER_MANIFEST_V2 },
    });
    expect(first.status).toBe(201);
    const moved = await call('/v2/locked/manifests/v1', {
      method: 'PUT',
      body: `${body} `,
      headers: { 'Content-Type': DOCKER_MANIFEST_V2 },
    });
    expect(moved.status).toBe(400);
    expect(await errorCode(moved)).toBe('TAG_INVALID');
  });

  it('deletes by digest (202), refuses deletion by tag', async () => {
    const body = await imageManifest();
    await put('v1', body, DOCKER_MANIFEST_V2);
    const byTag = await call('/v2/web/manifests/v1', { method: 'DELETE' });
    expect(byTag.status).toBe(400);
    expect(await errorCode(byTag)).toBe('UNSUPPORTED');
    expect((await call(`/v2/web/manifests/${sha256Of(body)}`, { method: 'DELETE' })).status).toBe(202);
    expect((await call('/v2/web/manifests/v1')).status).toBe(404);
  });
});

describe('tags and referrers', () => {
  it('lists tags sorted and pages them with a Link header', async () => {
    const body = await imageManifest();
    for (const tag of ['c', 'a', 'e', 'b', 'd'])
      expect((await put(tag, body, DOCKER_MANIFEST_V2)).status).toBe(201);
    const all = await call('/v2/web/tags/list');
    expect(await all.json()).toEqual({ name: 'web', tags: ['a', 'b', 'c', 'd', 'e'] });
    expect(all.headers.get('link')).toBeNull();
    const first = await call('/v2/web/tags/list?n=2');
    expect(await first.json()).toEqual({ name: 'web', tags: ['a', 'b'] });
    expect(first.headers.get('link')).toBe('</v2/web/tags/list?n=2&last=b>; rel="next"');
    const second = await call('/v2/web/tags/list?n=2&last=b');
    expect(await second.json()).toEqual({ name: 'web', tags: ['c', 'd'] });
    const last = await call('/v2/web/tags/list?n=2&last=d');
    expect(await last.json()).toEqual({ name: 'web', tags: ['e'] });
    expect(last.headers.get('link')).toBeNull();
  });

  it('lists referrers as an OCI index, filtered by artifactType', async () => {
    const subject = await imageManifest(OCI_IMAGE_MANIFEST);
    const subjectDigest = sha256Of(subject);
    await put(subjectDigest, subject, OCI_IMAGE_MANIFEST);
    const empty = await pushBlob('{}');
    const referrer = (artifactType: string): string =>
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_IMAGE_MANIFEST,
        artifactType,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', ...empty },
        layers: [],
        subject: { mediaType: OCI_IMAGE_MANIFEST, digest: subjectDigest, size: Buffer.byteLength(subject) },
      });
    const sbom = referrer('application/spdx+json');
    const sig = referrer('application/vnd.dev.cosign.artifact.sig.v1+json');
    const pushed = await put(sha256Of(sbom), sbom, OCI_IMAGE_MANIFEST);
    expect(pushed.headers.get('oci-subject')).toBe(subjectDigest);
    await put(sha256Of(sig), sig, OCI_IMAGE_MANIFEST);
    const listed = await call(`/v2/web/referrers/${subjectDigest}`);
    expect(listed.headers.get('content-type')).toBe(OCI_IMAGE_INDEX);
    const index = (await listed.json()) as {
      schemaVersion: number;
      mediaType: string;
      manifests: { digest: string }[];
    };
    expect(index.schemaVersion).toBe(2);
    expect(index.mediaType).toBe(OCI_IMAGE_INDEX);
    expect(index.manifests.map((m) => m.digest).sort()).toEqual([sha256Of(sbom), sha256Of(sig)].sort());
    const filtered = await call(
      `/v2/web/referrers/${subjectDigest}?artifactType=${encodeURIComponent('application/spdx+json')}`,
    );
    expect(filtered.headers.get('oci-filters-applied')).toBe('artifactType');
    expect(await filtered.json()).toMatchObject({
      manifests: [
        { digest: sha256Of(sbom), artifactType: 'application/spdx+json', size: Buffer.byteLength(sbom) },
      ],
    });
  });
});
