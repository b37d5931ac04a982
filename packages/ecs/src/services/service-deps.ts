import { randomBytes, randomUUID } from 'node:crypto';

import type { StateStore } from '@berth/store';

/** Where services get ids: random in production, seeded in tests. */
export interface IdSource {
  uuid(): string;
  /** A 32-hex-digit id, as ECS uses for tasks and container instances. */
  hexId(): string;
}

export const randomIds: IdSource = {
  uuid: () => randomUUID(),
  hexId: () => randomBytes(16).toString('hex'),
};

/** What every service needs: the store, the clock (epoch ms) and ids. */
export interface ServiceDeps {
  readonly store: StateStore;
  readonly now: () => number;
  readonly ids: IdSource;
}

/** Epoch seconds with millisecond precision, as ECS timestamps appear on the wire. */
export const epochSeconds = (ms: number): number => ms / 1000;
