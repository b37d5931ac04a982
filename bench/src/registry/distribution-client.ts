/**
 * The bench's own registry client, speaking the distribution v2 API the way `docker push` and
 * `docker pull` do: a ping, then per blob HEAD → POST upload → one streamed PATCH (chunked, the
 * whole layer) → PUT ?digest, then the manifest PUT; a pull GETs the manifest, then the blobs,
 * hashing each as it streams and checking digest and size. Bodies stream in chunks and are never
 * held whole (the manifest and config excepted); connections are kept alive, one agent per client.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Agent, request, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

import { inPool } from './in-pool.js';
import { MANIFEST_V2, type TestImage } from './test-image.js';

/** Where a registry answers, and the Authorization header it wants (none for distribution). */
export interface RegistryConnection {
  readonly origin: string;
  readonly authorization: string | undefined;
  readonly agent: Agent;
}

export const connectTo = (origin: string, authorization: string | undefined): RegistryConnection => ({
  origin,
  authorization,
  agent: new Agent({ keepAlive: true, maxSockets: 8 }),
});

/** What docker's pull accepts for a manifest. */
const MANIFEST_ACCEPT = [
  MANIFEST_V2,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

const READ_CHUNK = 1 << 20;
const REQUEST_TIMEOUT_MS = 60_000;

const send = (
  connection: RegistryConnection,
  method: string,
  target: string,
  headers: OutgoingHttpHeaders = {},
  body?: Buffer | Readable,
): Promise<IncomingMessage> => {
  const url = new URL(target, connection.origin);
  // As docker does on a redirect elsewhere: the registry's credentials stay with the registry.
  const auth =
    connection.authorization !== undefined && url.origin === new URL(connection.origin).origin
      ? { authorization: connection.authorization }
      : {};
  const length = body === undefined ? { 'content-length': 0 } : {};
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      agent: connection.agent,
      headers: { ...auth, ...length, ...headers },
      timeout: REQUEST_TIMEOUT_MS,
    });
    req.once('response', resolve);
    req.once('timeout', () => req.destroy(new Error(`${method} ${url.pathname}: no answer in time`)));
    req.once('error', reject);
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else pipeline(body, req).catch(reject);
  });
};

const text = async (res: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const drain = async (res: IncomingMessage): Promise<void> => {
  res.resume();
  await finished(res);
};

/** Drains the response; throws with its body's start when the status is not the expected one. */
const expect = async (res: IncomingMessage, status: number, what: string): Promise<void> => {
  if (res.statusCode === status) return drain(res);
  throw new Error(`${what}: HTTP ${res.statusCode ?? '?'} ${(await text(res)).slice(0, 300)}`);
};

const location = (res: IncomingMessage, what: string): string => {
  const value = res.headers.location;
  if (!value) throw new Error(`${what}: no Location header`);
  return value;
};

/** `expect`, then the response's Location (where an upload goes on). */
const expectLocation = async (res: IncomingMessage, status: number, what: string): Promise<string> => {
  await expect(res, status, what);
  return location(res, what);
};

const isRedirect = (status: number | undefined): boolean =>
  status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/** A GET that follows up to 3 redirects (a registry may send blob downloads elsewhere). */
const get = async (
  connection: RegistryConnection,
  target: string,
  headers: OutgoingHttpHeaders = {},
): Promise<IncomingMessage> => {
  let res = await send(connection, 'GET', target, headers);
  for (let hops = 0; hops < 3 && isRedirect(res.statusCode); hops++) {
    const next = new URL(location(res, `GET ${target}`), new URL(target, connection.origin)).href;
    await drain(res);
    res = await send(connection, 'GET', next, headers);
  }
  return res;
};

const ping = async (connection: RegistryConnection): Promise<void> =>
  expect(await send(connection, 'GET', '/v2/'), 200, 'GET /v2/');

interface PushableBlob {
  readonly digest: string;
  readonly open: () => Readable;
}

/** HEAD (absent in a fresh repository) → POST → one streamed PATCH → PUT ?digest. */
const pushBlob = async (
  connection: RegistryConnection,
  repository: string,
  blob: PushableBlob,
): Promise<void> => {
  const blobPath = `/v2/${repository}/blobs/${blob.digest}`;
  const head = await send(connection, 'HEAD', blobPath);
  await drain(head);
  if (head.statusCode === 200) return;
  const started = await send(connection, 'POST', `/v2/${repository}/blobs/uploads/`);
  const uploadAt = new URL(
    await expectLocation(started, 202, `POST upload of ${blob.digest}`),
    connection.origin,
  );
  const patched = await send(
    connection,
    'PATCH',
    uploadAt.href,
    { 'content-type': 'application/octet-stream' },
    blob.open(),
  );
  const commitAt = new URL(await expectLocation(patched, 202, `PATCH upload of ${blob.digest}`), uploadAt);
  commitAt.searchParams.set('digest', blob.digest);
  await expect(await send(connection, 'PUT', commitAt.href), 201, `PUT upload of ${blob.digest}`);
};

/** Pushes the layers (`concurrency` at a time), then the config, then the manifest under `tag`. */
export const pushImage = async (
  connection: RegistryConnection,
  repository: string,
  tag: string,
  image: TestImage,
  concurrency: number,
): Promise<void> => {
  await ping(connection);
  const layers = image.layers.map((layer) => ({
    ...layer,
    open: () => createReadStream(layer.path, { highWaterMark: READ_CHUNK }),
  }));
  await inPool(layers, concurrency, (layer) => pushBlob(connection, repository, layer));
  const config = image.config;
  await pushBlob(connection, repository, {
    digest: config.digest,
    open: () => Readable.from([config.bytes]),
  });
  const put = await send(
    connection,
    'PUT',
    `/v2/${repository}/manifests/${tag}`,
    { 'content-type': image.manifest.mediaType },
    image.manifest.bytes,
  );
  await expect(put, 201, `PUT manifest ${repository}:${tag}`);
};

interface Descriptor {
  readonly digest: string;
  readonly size: number;
}

const manifestPath = (repository: string, reference: string): string =>
  `/v2/${repository}/manifests/${reference}`;

/** GETs the manifest; checks its digest against the one pushed and returns its blobs. */
const pullManifest = async (
  connection: RegistryConnection,
  repository: string,
  tag: string,
  expectedDigest: string,
): Promise<Descriptor[]> => {
  const res = await get(connection, manifestPath(repository, tag), { accept: MANIFEST_ACCEPT });
  const body = await text(res);
  if (res.statusCode !== 200)
    throw new Error(`GET manifest: HTTP ${res.statusCode ?? '?'} ${body.slice(0, 300)}`);
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (digest !== expectedDigest) throw new Error(`GET manifest: got ${digest}, pushed ${expectedDigest}`);
  const manifest = JSON.parse(body) as { config: Descriptor; layers: Descriptor[] };
  return [manifest.config, ...manifest.layers];
};

/** GETs a blob, hashing it as it streams; throws unless digest and size are the descriptor's. */
const pullBlob = async (
  connection: RegistryConnection,
  repository: string,
  blob: Descriptor,
): Promise<void> => {
  const res = await get(connection, `/v2/${repository}/blobs/${blob.digest}`);
  if (res.statusCode !== 200)
    throw new Error(
      `GET blob ${blob.digest}: HTTP ${res.statusCode ?? '?'} ${(await text(res)).slice(0, 300)}`,
    );
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of res) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  const digest = `sha256:${hash.digest('hex')}`;
  if (digest !== blob.digest || size !== blob.size)
    throw new Error(`GET blob ${blob.digest}: got ${size} bytes hashing to ${digest}, want ${blob.size}`);
};

/** Pulls and verifies the image: the manifest, then its config and layers (`concurrency` at a time). */
export const pullImage = async (
  connection: RegistryConnection,
  repository: string,
  tag: string,
  manifestDigest: string,
  concurrency: number,
): Promise<void> => {
  await ping(connection);
  const blobs = await pullManifest(connection, repository, tag, manifestDigest);
  await inPool(blobs, concurrency, (blob) => pullBlob(connection, repository, blob));
};

/** One GET, timed from the request to the first byte of the body (then drained, untimed). */
const firstByteMs = async (
  connection: RegistryConnection,
  target: string,
  headers: OutgoingHttpHeaders = {},
): Promise<number> => {
  const began = performance.now();
  const res = await get(connection, target, headers);
  if (res.statusCode !== 200)
    throw new Error(`GET ${target}: HTTP ${res.statusCode ?? '?'} ${(await text(res)).slice(0, 300)}`);
  let first: number | undefined;
  res.on('data', () => (first ??= performance.now()));
  await finished(res);
  if (first === undefined) throw new Error(`GET ${target}: empty body`);
  return first - began;
};

export const blobFirstByteMs = (
  connection: RegistryConnection,
  repository: string,
  digest: string,
): Promise<number> => firstByteMs(connection, `/v2/${repository}/blobs/${digest}`);

export const manifestFirstByteMs = (
  connection: RegistryConnection,
  repository: string,
  reference: string,
): Promise<number> =>
  firstByteMs(connection, manifestPath(repository, reference), { accept: MANIFEST_ACCEPT });
