/** What every ELBv2 use case gets: the store, the clock (epoch ms) and an id source. */
import { randomBytes } from 'node:crypto';

import type { StateStore } from '@berth/store';

export interface Elbv2IdSource {
  /** 16 lowercase hex digits: the id at the end of every ELBv2 ARN. */
  hex16(): string;
}

export const randomElbv2Ids: Elbv2IdSource = { hex16: () => randomBytes(8).toString('hex') };

export interface ServiceDeps {
  readonly store: StateStore;
  readonly now: () => number;
  readonly ids: Elbv2IdSource;
}

/** Epoch seconds, as ELBv2 timestamps appear in the wire shapes. */
export const epochSeconds = (ms: number): number => ms / 1000;
