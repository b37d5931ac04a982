/**
 * A unit ECR module over an in-memory store and an in-memory LayerBlobs, with a settable clock,
 * plus helpers to push blobs and build manifests.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- replies are read as the JSON a client sees */
import { createHash, randomUUID } from 'node:crypto';

import { ApiError, type Partition } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import type { BlobInfo, LayerBlobs, UploadOwner } from '@berth/core';
import { createEcrModule, type EcrModule } from '../ecr-module.js';

export const PARTITION: Partition = { accountId: '123456789012', region: 'us-east-1' };
export const CTX: RequestContext = {
  requestId: 'unit',
  partition: PARTITION,
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::123456789012:root',
  identity: {
    accountId: '123456789012',
    arn: 'arn:aws:iam::123456789012:root',
    userId: '123456789012',
    kind: 'root',
  },
  endpoint: 'http://127.0.0.1/',
};
/** 2026-12-03T12:00:00Z in epoch ms. */
export const T0 = Date.UTC(2026, 11, 3, 12);
export const REGISTRY_HOST = 'localhost:7471';

export const digestOf = (bytes: Uint8Array | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** An in-memory LayerBlobs with the port's semantics (verified completion, atomic conditional delete). */
export class MemoryLayerBlobs implements LayerBlobs {
  readonly blobs = new Map<string, { bytes: Buffer; modifiedAt: number }>();
  readonly uploads = new Map<string, { owner: UploadOwner; bytes: Buffer; startedAt: number }>();

  constructor(private readonly clock: { now: number }) {}

  /** Puts a blob straight into the store (as a finished docker push would). */
  add(bytes: string | Buffer): { digest: string; size: number } {
    const data = Buffer.from(bytes);
    const digest = digestOf(data);
    this.blobs.set(digest, { bytes: data, modifiedAt: this.clock.now });
    return { digest, size: data.length };
  }

  stat(digest: string): Promise<BlobInfo | undefined> {
    const blob = this.blobs.get(digest);
    return Promise.resolve(blob && { digest, size: blob.bytes.length, modifiedAt: blob.modifiedAt });
  }
  touch(digest: string): Promise<void> {
    const blob = this.blobs.get(digest);
    if (blob) blob.modifiedAt = this.clock.now;
    return Promise.resolve();
  }
  startUpload(owner: UploadOwner): Promise<string> {
    const id = randomUUID();
    this.uploads.set(id, { owner, bytes: Buffer.alloc(0), startedAt: this.clock.now });
    return Promise.resolve(id);
  }
  uploadStatus(uploadId: string): Promise<{ owner: UploadOwner; offset: number } | undefined> {
    const u = this.uploads.get(uploadId);
    return Promise.resolve(u && { owner: u.owner, offset: u.bytes.length });
  }
  appendUpload(uploadId: string, offset: number, data: Uint8Array): Promise<number> {
    const u = this.uploads.get(uploadId);
    if (!u || offset !== u.bytes.length)
      return Promise.reject(Object.assign(new Error('range'), { code: 'RANGE_INVALID' }));
    u.bytes = Buffer.concat([u.bytes, data]);
    return Promise.resolve(u.bytes.length);
  }
  completeUpload(uploadId: string, digest: string): Promise<BlobInfo> {
    const u = this.uploads.get(uploadId);
    if (!u || digestOf(u.bytes) !== digest) {
      return Promise.reject(Object.assign(new Error('digest'), { code: 'DIGEST_INVALID' }));
    }
    this.uploads.delete(uploadId);
    this.blobs.set(digest, { bytes: u.bytes, modifiedAt: this.clock.now });
    return Promise.resolve({ digest, size: u.bytes.length, modifiedAt: this.clock.now });
  }
  cancelUpload(uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
    return Promise.resolve();
  }
  async *list(): AsyncIterable<BlobInfo> {
    for (const [digest, blob] of [...this.blobs]) {
      await Promise.resolve();
      yield { digest, size: blob.bytes.length, modifiedAt: blob.modifiedAt };
    }
  }
  deleteIfUntouchedSince(digest: string, notTouchedSince: number): Promise<boolean> {
    const blob = this.blobs.get(digest);
    if (!blob || blob.modifiedAt >= notTouchedSince) return Promise.resolve(false);
    this.blobs.delete(digest);
    return Promise.resolve(true);
  }
  removeUploadsStartedBefore(cutoff: number): Promise<number> {
    let removed = 0;
    for (const [id, u] of [...this.uploads]) {
      if (u.startedAt < cutoff) {
        this.uploads.delete(id);
        removed++;
      }
    }
    return Promise.resolve(removed);
  }
}

export interface UnitEcr {
  readonly module: EcrModule;
  readonly store: MemoryStateStore;
  readonly blobs: MemoryLayerBlobs;
  readonly clock: { now: number };
  call(operation: string, input: object): Promise<Record<string, any>>;
  errorOf(operation: string, input: object): Promise<string>;
  /** Adds a config and layers to the blob store and returns a schema 2 manifest over them. */
  manifest(layers: readonly string[], options?: { mediaType?: string; config?: string }): string;
  /** PutImage of `manifest` into `repo` with `tag` (if any); returns the digest. */
  put(repo: string, manifest: string, tag?: string): Promise<string>;
}

export const unitEcr = (): UnitEcr => {
  const clock = { now: T0 };
  const store = new MemoryStateStore();
  const blobs = new MemoryLayerBlobs(clock);
  const module = createEcrModule({ store, blobs, registryHost: REGISTRY_HOST, now: () => clock.now });
  const call = async (operation: string, input: object): Promise<Record<string, any>> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return (await op(CTX, input as Record<string, unknown>)) as Record<string, any>;
  };
  const errorOf = async (operation: string, input: object): Promise<string> => {
    try {
      await call(operation, input);
      return 'none';
    } catch (error) {
      return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    }
  };
  const manifest = (
    layers: readonly string[],
    options: { mediaType?: string; config?: string } = {},
  ): string => {
    const config = blobs.add(options.config ?? `{"layers":${JSON.stringify(layers)}}`);
    return JSON.stringify({
      schemaVersion: 2,
      mediaType: options.mediaType ?? 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', ...config },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        ...blobs.add(l),
      })),
    });
  };
  const put = async (repo: string, text: string, tag?: string): Promise<string> => {
    const { image } = await call('PutImage', {
      repositoryName: repo,
      imageManifest: text,
      ...(tag !== undefined ? { imageTag: tag } : {}),
    });
    return image.imageId.imageDigest as string;
  };
  return { module, store, blobs, clock, call, errorOf, manifest, put };
};
