/**
 * A minimal OCI distribution registry on loopback for pull tests: ECR's Basic challenge without
 * credentials, and one tiny image (a single file, no shell) under `<repo>:latest` for `AWS:<password>`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

import { pack } from 'tar-stream';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const layerTar = async (): Promise<Buffer> => {
  const tar = pack();
  tar.entry({ name: 'hello.txt' }, 'hello from the fake registry\n');
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export interface FakeRegistry {
  readonly port: number;
  readonly host: string;
  /** The manifest's digest (what RepoDigests should name). */
  readonly digest: string;
  /** `Authorization` header of every request (`-` when absent). */
  readonly authorizations: string[];
  close(): Promise<void>;
}

export const startFakeRegistry = async (repo: string, password: string): Promise<FakeRegistry> => {
  const tar = await layerTar();
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
      os: 'linux',
      config: { Cmd: ['/hello.txt'] },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: sha256(config),
      },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: layer.length,
          digest: sha256(layer),
        },
      ],
    }),
  );
  const digest = sha256(manifest);
  const blobs = new Map([
    [sha256(config), config],
    [sha256(layer), layer],
  ]);
  const expected = `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`;
  const authorizations: string[] = [];

  const send = (res: ServerResponse, req: IncomingMessage, type: string, body: Buffer): void => {
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Docker-Content-Digest': sha256(body),
      'Docker-Distribution-Api-Version': 'registry/2.0',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '-');
    if (req.headers.authorization !== expected) {
      res.writeHead(401, {
        'Docker-Distribution-Api-Version': 'registry/2.0',
        'Www-Authenticate': `Basic realm="http://${req.headers.host}/",service="ecr.amazonaws.com"`,
        'Content-Type': 'text/plain; charset=utf-8',
      });
      res.end('Not Authorized\n');
      return;
    }
    const url = req.url ?? '/';
    if (url === '/v2/') return send(res, req, 'application/json', Buffer.from('{}'));
    if (url === `/v2/${repo}/manifests/latest` || url === `/v2/${repo}/manifests/${digest}`)
      return send(res, req, 'application/vnd.docker.distribution.manifest.v2+json', manifest);
    const blob = url.startsWith(`/v2/${repo}/blobs/`) ? blobs.get(url.split('/').at(-1) ?? '') : undefined;
    if (blob) return send(res, req, 'application/octet-stream', blob);
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake registry has no port');
  return {
    port: address.port,
    host: `127.0.0.1:${address.port}`,
    digest,
    authorizations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
