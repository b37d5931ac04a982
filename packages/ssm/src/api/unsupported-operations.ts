/**
 * The Systems Manager operations Berth does not implement — everything but Parameter Store —
 * each answering UnsupportedOperationException, saying so.
 */
import type { Operation } from '@berth/gateway';

import { notSupported } from '../services/ssm-errors.js';

export const unsupportedOperations = (names: readonly string[]): Record<string, Operation> =>
  Object.fromEntries(
    names.map((name): [string, Operation] => [
      name,
      () => {
        throw notSupported(`${name}: its Systems Manager is Parameter Store only`);
      },
    ]),
  );
