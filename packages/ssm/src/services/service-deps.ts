/** What every Parameter Store use case gets: the store, the cipher values are sealed with, and a clock. */
import type { SecretCipher } from '@berth/core';
import type { StateStore } from '@berth/store';

export interface ServiceDeps {
  readonly store: StateStore;
  readonly cipher: SecretCipher;
  /** Epoch ms. */
  readonly now: () => number;
}

export const epochSeconds = (ms: number): number => ms / 1000;
