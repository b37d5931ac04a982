/**
 * ECR as its users meet it first, with the real aws and docker CLIs: create-repository,
 * `aws ecr get-login-password | docker login --username AWS --password-stdin`, `docker push` of a
 * locally built image, the same digest in list-images/describe-images/batch-get-image, a second
 * tag on the same digest, `docker rmi` + `docker pull` bringing it back to run. Refusals as ECR
 * answers them: no login, a wrong password, a repository that does not exist, an IMMUTABLE tag
 * pushed twice. A multi-arch OCI index (assembled by hand from two images with skopeo's OCI
 * layout) round-trips through the registry with identical digests.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import {
  buildImage,
  describeImages,
  DockerClient,
  getLoginPassword,
  pushedDigest,
  registryFetch,
  removeBuiltImages,
  removeImages,
  scratchDir,
} from './support/registry.js';
import { ensureTestImages } from './support/test-images.js';

let berth: BerthProcess;
let registry: string;
let docker: DockerClient;
const built: string[] = [];

const image = (repository: string, tag: string): string => `${registry}/${repository}:${tag}`;

const build = (repository: string, tag: string, marker: string): string => {
  const reference = image(repository, tag);
  buildImage(docker, reference, marker);
  built.push(reference);
  return reference;
};

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer({ agent: false });
  registry = berth.registry ?? '';
  docker = new DockerClient();
});

afterAll(async () => {
  removeBuiltImages(...built);
  docker?.dispose();
  await berth?.stop();
});

describe('docker login, push and pull with ECR tokens', () => {
  let digest = '';

  it('create-repository answers the repositoryUri on the registry host', () => {
    const repository = awsOk(berth.env, [
      'ecr',
      'create-repository',
      '--repository-name',
      'web-app',
    ]).repository;
    expect(registry).toMatch(/^localhost:\d+$/);
    expect(repository.repositoryUri).toBe(`${registry}/web-app`);
    expect(repository.repositoryArn).toBe('arn:aws:ecr:us-east-1:000000000000:repository/web-app');
    expect(repository.imageTagMutability).toBe('MUTABLE');
  });

  it('refuses a client that has not logged in, as ECR does', async () => {
    const response = await registryFetch(registry, '/v2/');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Basic realm="https://${registry}/",service="ecr.amazonaws.com"`,
    );
    expect(response.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    const reference = build('web-app', 'anonymous', 'never pushed');
    const push = docker.run(['push', reference]);
    expect(push.status).not.toBe(0);
    expect(push.stderr + push.stdout).toMatch(/no basic auth credentials/);
  });

  it('a wrong password does not log in; get-login-password does', () => {
    const wrong = docker.run(['login', '--username', 'AWS', '--password-stdin', registry], 'not-a-token');
    expect(wrong.status).not.toBe(0);
    expect(docker.login(berth.env, registry)).toMatch(/Login Succeeded/);
  });

  it('docker push prints the digest list-images and describe-images show', () => {
    const reference = build('web-app', 'v1', 'hello from the registry');
    digest = pushedDigest(docker.ok(['push', reference]));
    const listed = awsOk(berth.env, ['ecr', 'list-images', '--repository-name', 'web-app']).imageIds;
    expect(listed).toEqual([{ imageDigest: digest, imageTag: 'v1' }]);
    const [detail] = describeImages(berth.env, 'web-app');
    expect(detail).toMatchObject({
      registryId: '000000000000',
      repositoryName: 'web-app',
      imageDigest: digest,
      imageTags: ['v1'],
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    });
    // ECR's imageSizeInBytes: the compressed layers the manifest names, as batch-get-image returns it.
    const got = awsOk(berth.env, [
      'ecr',
      'batch-get-image',
      '--repository-name',
      'web-app',
      '--image-ids',
      'imageTag=v1',
    ]).images[0];
    const manifestText: string = got.imageManifest;
    expect(`sha256:${createHash('sha256').update(manifestText).digest('hex')}`).toBe(digest);
    const layers: { size: number }[] = JSON.parse(manifestText).layers;
    expect(detail.imageSizeInBytes).toBe(layers.reduce((sum, layer) => sum + layer.size, 0));
    expect(detail.imagePushedAt).toBeGreaterThan(Date.now() / 1000 - 300);
  });

  it('a second tag lands on the same digest', () => {
    const second = image('web-app', 'v2');
    docker.ok(['tag', image('web-app', 'v1'), second]);
    built.push(second);
    expect(pushedDigest(docker.ok(['push', second]))).toBe(digest);
    const [detail] = describeImages(berth.env, 'web-app');
    expect(detail.imageDigest).toBe(digest);
    expect([...detail.imageTags].sort()).toEqual(['v1', 'v2']);
  });

  it('docker rmi then docker pull brings the image back, and it runs', () => {
    removeImages(image('web-app', 'v1'), image('web-app', 'v2'));
    expect(docker.run(['image', 'inspect', image('web-app', 'v1')]).status).not.toBe(0);
    expect(docker.ok(['pull', image('web-app', 'v1')])).toContain(`Digest: ${digest}`);
    expect(docker.ok(['run', '--rm', image('web-app', 'v1')]).trim()).toBe('hello from the registry');
    const [detail] = describeImages(berth.env, 'web-app');
    expect(detail.lastRecordedPullTime).toBeGreaterThan(Date.now() / 1000 - 300);
  });

  it('a pull without login is refused', () => {
    const stranger = new DockerClient();
    try {
      const pull = stranger.run(['pull', image('web-app', 'v1')]);
      expect(pull.status).not.toBe(0);
      expect(pull.stderr).toMatch(/no basic auth credentials/);
    } finally {
      stranger.dispose();
    }
  });

  it('a push to a repository that does not exist is refused: ECR never creates one', () => {
    const reference = build('not-created', 'v1', 'nowhere');
    const push = docker.run(['push', reference]);
    expect(push.status).not.toBe(0);
    expect(push.stderr + push.stdout).toMatch(/name unknown|does not exist/);
    expect(
      aws(berth.env, ['ecr', 'describe-repositories', '--repository-names', 'not-created']).stderr,
    ).toMatch(/RepositoryNotFoundException/);
  });

  it('an IMMUTABLE tag cannot be pushed twice', () => {
    awsOk(berth.env, [
      'ecr',
      'create-repository',
      '--repository-name',
      'pinned',
      '--image-tag-mutability',
      'IMMUTABLE',
    ]);
    const first = build('pinned', '1.0', 'first build');
    pushedDigest(docker.ok(['push', first]));
    build('pinned', '1.0', 'second build');
    const again = docker.run(['push', first]);
    expect(again.status).not.toBe(0);
    expect(again.stderr + again.stdout).toMatch(
      /tag invalid|cannot be overwritten because the tag is immutable/,
    );
    const put = aws(berth.env, [
      'ecr',
      'put-image',
      '--repository-name',
      'pinned',
      '--image-tag',
      '1.0',
      '--image-manifest',
      awsOk(berth.env, [
        'ecr',
        'batch-get-image',
        '--repository-name',
        'web-app',
        '--image-ids',
        'imageTag=v1',
      ]).images[0].imageManifest,
    ]);
    expect(put.stderr).toMatch(/ImageTagAlreadyExistsException|LayersNotFoundException/);
  });
});

const skopeo = (args: readonly string[]): string => {
  const result = spawnSync('skopeo', ['--insecure-policy', ...args], {
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  if (result.status !== 0) throw new Error(`skopeo ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
};

/** This host's platform as OCI names it (Node's `x64` is `amd64`). */
const HOST_ARCH = process.arch === 'x64' ? 'amd64' : process.arch;

const sha256 = (bytes: Buffer | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('a multi-arch OCI index', () => {
  const layout = scratchDir('oci-layout');
  const copied = scratchDir('oci-copied');

  afterAll(() => {
    rmSync(layout, { recursive: true, force: true });
    rmSync(copied, { recursive: true, force: true });
  });

  it('round-trips through the registry with identical digests', () => {
    awsOk(berth.env, ['ecr', 'create-repository', '--repository-name', 'multi-arch']);
    const password = getLoginPassword(berth.env);
    const creds = `AWS:${password}`;
    // Two images, one per "platform", into one OCI layout; then an index naming both, by hand.
    const platforms = [HOST_ARCH, HOST_ARCH === 'amd64' ? 'arm64' : 'amd64'].map((architecture) => ({
      architecture,
      marker: `${architecture} build`,
    }));
    const children = platforms.map(({ architecture, marker }) => {
      const local = build('multi-arch', `local-${architecture}`, marker);
      skopeo(['copy', `docker-daemon:${local}`, `oci:${layout}:${architecture}`]);
      const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
      const entry = index.manifests.find(
        (m: any) => m.annotations?.['org.opencontainers.image.ref.name'] === architecture,
      );
      return {
        mediaType: entry.mediaType,
        digest: entry.digest,
        size: entry.size,
        platform: { architecture, os: 'linux' },
      };
    });
    const indexBytes = Buffer.from(
      `${JSON.stringify(
        { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: children },
        null,
        3,
      )}\n`,
    );
    const indexDigest = sha256(indexBytes);
    mkdirSync(join(layout, 'blobs/sha256'), { recursive: true });
    writeFileSync(join(layout, 'blobs/sha256', indexDigest.slice(7)), indexBytes);
    writeFileSync(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.index.v1+json',
            digest: indexDigest,
            size: indexBytes.length,
            annotations: { 'org.opencontainers.image.ref.name': 'multi' },
          },
        ],
      }),
    );

    const remote = `docker://${registry}/multi-arch:multi`;
    skopeo([
      'copy',
      '--all',
      '--preserve-digests',
      '--dest-tls-verify=false',
      '--dest-creds',
      creds,
      `oci:${layout}:multi`,
      remote,
    ]);

    // The registry serves the exact bytes: same digest for the index and each child.
    const raw = skopeo(['inspect', '--raw', '--tls-verify=false', '--creds', creds, remote]);
    expect(sha256(raw)).toBe(indexDigest);
    expect(raw).toBe(indexBytes.toString());
    skopeo(['copy', '--all', '--src-tls-verify=false', '--src-creds', creds, remote, `oci:${copied}:multi`]);
    const back = JSON.parse(readFileSync(join(copied, 'index.json'), 'utf8')).manifests[0];
    expect(back.digest).toBe(indexDigest);
    for (const child of children)
      expect(sha256(readFileSync(join(copied, 'blobs/sha256', child.digest.slice(7))))).toBe(child.digest);

    // ECR's view: the index is the tagged image, its children untagged images of their own.
    const details = describeImages(berth.env, 'multi-arch');
    const byDigest = new Map(details.map((d: any) => [d.imageDigest, d]));
    expect(byDigest.get(indexDigest)).toMatchObject({
      imageTags: ['multi'],
      imageManifestMediaType: 'application/vnd.oci.image.index.v1+json',
    });
    const childSizes = children.map((c) => byDigest.get(c.digest)?.imageSizeInBytes as number);
    for (const child of children) expect(byDigest.get(child.digest)?.imageTags ?? []).toEqual([]);
    expect(byDigest.get(indexDigest)?.imageSizeInBytes).toBe(Math.max(...childSizes));
    const got = awsOk(berth.env, [
      'ecr',
      'batch-get-image',
      '--repository-name',
      'multi-arch',
      '--image-ids',
      'imageTag=multi',
      '--accepted-media-types',
      'application/vnd.oci.image.index.v1+json',
    ]).images[0];
    expect(got.imageManifest).toBe(indexBytes.toString());
    expect(got.imageManifestMediaType).toBe('application/vnd.oci.image.index.v1+json');

    // Docker resolves the index to this host's platform and runs that child.
    docker.login(berth.env, registry);
    const pulled = image('multi-arch', 'multi');
    built.push(pulled);
    docker.ok(['pull', pulled]);
    expect(docker.ok(['run', '--rm', pulled]).trim()).toBe(`${HOST_ARCH} build`);
  });
});
