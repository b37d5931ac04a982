/**
 * Online garbage collection of the layer store: removes blobs no image in any repository
 * references (configs and layers), with their blob links, and upload sessions abandoned for 24 h.
 *
 * Invariant: a blob an image references is never removed. The referenced set is read from the
 * store AFTER the blob listing, so an image committed before that read protects its blobs; one
 * committed later was pushed after put-image touched its blobs, and `deleteIfUntouchedSince`
 * (atomic with touch) refuses anything touched within the grace period.
 */
import type { StateStore } from '@berth/store';

import type { LayerBlobs } from '@berth/core';
import { blobLinkKey, ECR_KIND, type BlobLinkRecord, type ImageRecord } from '../records/ecr-records.js';
import type { EcrLog } from '../services/service-deps.js';

export const DEFAULT_GC_INTERVAL_MS = 10 * 60 * 1000;
export const DEFAULT_GC_GRACE_MS = 60 * 60 * 1000;
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export interface BlobCollectorOptions {
  readonly store: StateStore;
  readonly blobs: LayerBlobs;
  readonly now: () => number;
  readonly log: EcrLog;
  readonly intervalMs?: number;
  readonly graceMs?: number;
}

export interface CollectionResult {
  readonly deletedBlobs: readonly string[];
  readonly removedUploads: number;
}

export class BlobCollector {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CollectionResult> | undefined;

  constructor(private readonly options: BlobCollectorOptions) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.collectOnce().catch((error: unknown) =>
        this.options.log('blob collection failed', { error: String(error) }),
      );
    }, this.options.intervalMs ?? DEFAULT_GC_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One collection pass (never two at once). */
  collectOnce(): Promise<CollectionResult> {
    this.running ??= this.collect().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private referenced(): Set<string> {
    const digests = new Set<string>();
    for (const image of this.options.store.list<ImageRecord>(ECR_KIND.image)) {
      digests.add(image.imageDigest);
      for (const digest of image.blobDigests) digests.add(digest);
    }
    return digests;
  }

  private async collect(): Promise<CollectionResult> {
    const now = this.options.now();
    const cutoff = now - (this.options.graceMs ?? DEFAULT_GC_GRACE_MS);
    const candidates: string[] = [];
    for await (const blob of this.options.blobs.list()) {
      if (blob.modifiedAt < cutoff) candidates.push(blob.digest);
    }
    const referenced = this.referenced();
    const deletedBlobs: string[] = [];
    for (const digest of candidates) {
      if (referenced.has(digest)) continue;
      if (await this.options.blobs.deleteIfUntouchedSince(digest, cutoff)) deletedBlobs.push(digest);
    }
    if (deletedBlobs.length > 0) this.unlink(new Set(deletedBlobs));
    const removedUploads = await this.options.blobs.removeUploadsStartedBefore(now - ABANDONED_UPLOAD_MS);
    if (deletedBlobs.length > 0 || removedUploads > 0) {
      this.options.log('blob collection', { deletedBlobs: deletedBlobs.length, removedUploads });
    }
    return { deletedBlobs, removedUploads };
  }

  private unlink(deleted: ReadonlySet<string>): void {
    this.options.store.transact((tx) => {
      for (const link of tx.list<BlobLinkRecord>(ECR_KIND.blobLink)) {
        if (deleted.has(link.digest)) {
          tx.delete(ECR_KIND.blobLink, blobLinkKey(link.partitionKey, link.repositoryName, link.digest));
        }
      }
    });
  }
}
