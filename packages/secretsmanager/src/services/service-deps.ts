/** What every Secrets Manager use case gets: the store, the cipher values are sealed with, a clock and randomness. */
import { randomInt, randomUUID } from 'node:crypto';

import type { SecretCipher } from '@berth/core';
import type { StateStore } from '@berth/store';

/** The randomness Secrets Manager mints. */
export interface SecretsRandom {
  /** The 6 characters after a secret ARN's name. */
  suffix(): string;
  /** A version id when the request has no ClientRequestToken (a UUID). */
  versionId(): string;
  /** A uniform integer in [0, maxExclusive), for GetRandomPassword. */
  int(maxExclusive: number): number;
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const randomSecrets: SecretsRandom = {
  suffix: () => Array.from({ length: 6 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join(''),
  versionId: () => randomUUID(),
  int: (maxExclusive) => randomInt(maxExclusive),
};

export interface ServiceDeps {
  readonly store: StateStore;
  readonly cipher: SecretCipher;
  /** Epoch ms. */
  readonly now: () => number;
  readonly random: SecretsRandom;
}

export const epochSeconds = (ms: number): number => ms / 1000;
