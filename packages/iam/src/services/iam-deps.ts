/** What every IAM use case gets: the store, a clock and the id source. */
import type { StateStore } from '@berth/store';

import type { IamIds } from './iam-ids.js';

export interface IamDeps {
  readonly store: StateStore;
  /** Epoch ms. */
  readonly now: () => number;
  readonly ids: IamIds;
}

export const nowSeconds = (deps: IamDeps): number => Math.floor(deps.now() / 1000);
