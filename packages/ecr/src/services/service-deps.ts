/** What every ECR use case gets: store, layer blobs, clock, ids, the registry host and a logger. */
import { randomBytes } from 'node:crypto';

import type { StateStore } from '@berth/store';

import type { LayerBlobs } from '@berth/core';

/** Randomness ECR mints (upload ids come from LayerBlobs). */
export interface EcrIds {
  /** 32 random bytes, for the authorization token's HMAC secret. */
  secret(): Buffer;
}

export const randomEcrIds: EcrIds = {
  secret: () => randomBytes(32),
};

export type EcrLog = (message: string, fields?: Record<string, unknown>) => void;

export interface ServiceDeps {
  readonly store: StateStore;
  readonly blobs: LayerBlobs;
  /** Epoch ms. */
  readonly now: () => number;
  readonly ids: EcrIds;
  /** `host[:port]` of Berth's registry, as repository URIs name it. */
  /** The registry host repository URIs name (it is known once the registry listens). */
  readonly registryHost: () => string;
  readonly log: EcrLog;
}

export const epochSeconds = (ms: number): number => ms / 1000;
