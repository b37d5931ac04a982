/**
 * ECR lifecycle policies really expire images, and what they free is collected. Five builds are
 * pushed to `latest` in turn, leaving four untagged images; a rule `untagged, imageCountMoreThan
 * 2` is previewed first (the two oldest untagged), then put, and the lifecycle controller expires
 * exactly those. The garbage collector then removes their layers (batch-check-layer-availability
 * says MISSING) while every layer the kept images use stays, and the kept image still pulls.
 * The server runs its lifecycle pass and collector every 2 s with a 3-s grace (test flags).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk } from './support/clients.js';
import {
  buildImage,
  DockerClient,
  pushedDigest,
  removeBuiltImages,
  removeImages,
} from './support/registry.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const REPOSITORY = 'lifecycle-app';
const POLICY = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: 'keep two untagged images',
      selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 2 },
      action: { type: 'expire' },
    },
  ],
});

let berth: BerthProcess;
let docker: DockerClient;
let reference = '';
/** Push order: the digest and the layers of each build. */
const builds: { digest: string; layers: string[] }[] = [];

const ecr = (args: readonly string[]): any =>
  awsOk(berth.env, ['ecr', ...args, '--repository-name', REPOSITORY]);

const layersOf = (digest: string): string[] => {
  const image = ecr(['batch-get-image', '--image-ids', `imageDigest=${digest}`]).images[0];
  const manifest = JSON.parse(image.imageManifest);
  return [manifest.config.digest, ...manifest.layers.map((l: { digest: string }) => l.digest)];
};

const availability = (digests: readonly string[]): Map<string, string> => {
  const answer = ecr(['batch-check-layer-availability', '--layer-digests', ...digests]);
  return new Map([
    ...answer.layers.map((l: any): [string, string] => [l.layerDigest, l.layerAvailability]),
    ...answer.failures.map((f: any): [string, string] => [f.layerDigest, f.failureCode]),
  ]);
};

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer({
    agent: false,
    extraArgs: ['--ecr-lifecycle-interval', '2', '--registry-gc-interval', '2', '--registry-gc-grace', '3'],
  });
  docker = new DockerClient();
  awsOk(berth.env, ['ecr', 'create-repository', '--repository-name', REPOSITORY]);
  docker.login(berth.env, berth.registry ?? '');
  reference = `${berth.registry ?? ''}/${REPOSITORY}:latest`;
  for (let n = 1; n <= 5; n++) {
    buildImage(docker, reference, `build ${n}`);
    const digest = pushedDigest(docker.ok(['push', reference]));
    builds.push({ digest, layers: layersOf(digest) });
  }
});

afterAll(async () => {
  removeBuiltImages(reference);
  docker?.dispose();
  await berth?.stop();
});

describe('a lifecycle policy imageCountMoreThan 2 on untagged images', () => {
  const expired = (): string[] => builds.slice(0, 2).map((b) => b.digest);
  const kept = (): string[] => builds.slice(2).map((b) => b.digest);

  it('leaves four untagged images and the newest tagged', () => {
    const untagged = ecr(['list-images', '--filter', 'tagStatus=UNTAGGED']).imageIds;
    expect(untagged.map((i: any) => i.imageDigest).sort()).toEqual(
      builds
        .slice(0, 4)
        .map((b) => b.digest)
        .sort(),
    );
    expect(ecr(['list-images', '--filter', 'tagStatus=TAGGED']).imageIds).toEqual([
      { imageDigest: builds[4]?.digest, imageTag: 'latest' },
    ]);
  });

  it('a preview names the two oldest untagged images', async () => {
    ecr(['start-lifecycle-policy-preview', '--lifecycle-policy-text', POLICY]);
    const preview = await waitFor(() => {
      const answer = ecr(['get-lifecycle-policy-preview']);
      return answer.status === 'COMPLETE' && answer;
    }, 'the lifecycle preview');
    expect(preview.previewResults.map((r: any) => r.imageDigest).sort()).toEqual([...expired()].sort());
    for (const result of preview.previewResults)
      expect(result).toMatchObject({ action: { type: 'EXPIRE' }, appliedRulePriority: 1 });
    expect(preview.summary).toEqual({ expiringImageTotalCount: 2 });
    // A preview changes nothing.
    expect(ecr(['list-images']).imageIds).toHaveLength(5);
  });

  it('once put, the controller expires exactly those images', async () => {
    ecr(['put-lifecycle-policy', '--lifecycle-policy-text', POLICY]);
    const left = await waitFor(() => {
      const digests: string[] = ecr(['list-images']).imageIds.map((i: any) => i.imageDigest);
      return digests.length === 3 && digests;
    }, 'the lifecycle policy to expire images');
    expect([...left].sort()).toEqual([...kept()].sort());
    expect(ecr(['get-lifecycle-policy']).lastEvaluatedAt).toBeGreaterThan(0);
  });

  it('their layers are collected; the kept images keep theirs and still pull', async () => {
    const keptLayers = new Set(builds.slice(2).flatMap((b) => b.layers));
    const freed = builds
      .slice(0, 2)
      .flatMap((b) => b.layers)
      .filter((digest) => !keptLayers.has(digest));
    expect(freed.length).toBeGreaterThanOrEqual(2);
    await waitFor(() => {
      const state = availability(freed);
      return freed.every((digest) => state.get(digest) === 'MissingLayerDigest');
    }, 'the expired layers to be collected');
    const state = availability([...keptLayers]);
    for (const digest of keptLayers) expect(state.get(digest)).toBe('AVAILABLE');
    removeImages(reference);
    expect(docker.ok(['pull', reference])).toContain(builds[4]?.digest ?? 'none');
    expect(docker.ok(['run', '--rm', reference]).trim()).toBe('build 5');
  });
});
