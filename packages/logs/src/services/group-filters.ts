/**
 * What metric and subscription filters share: storing one on its group, replacing a filter of the
 * same name, with a new one beyond the group's limit refused (LimitExceededException) and a group
 * gone meanwhile answered ResourceNotFoundException.
 */
import type { GroupFilterKind, LogScope } from '@berth/telemetry';

import { logGroupNotFound, resourceLimitExceeded } from './logs-errors.js';
import type { ServiceDeps } from './service-deps.js';

export interface GroupFilterPut {
  readonly kind: GroupFilterKind;
  /** How many filters of this kind a group may have. */
  readonly limit: number;
  readonly groupName: string;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export const putGroupFilter = async (
  deps: ServiceDeps,
  scope: LogScope,
  put: GroupFilterPut,
): Promise<void> => {
  if (!(await deps.store.getGroup(scope, put.groupName))) throw logGroupNotFound();
  const existing = await deps.store.listGroupFilters(scope, put.kind, { groupName: put.groupName });
  if (!existing.some((f) => f.name === put.name) && existing.length >= put.limit)
    throw resourceLimitExceeded();
  const stored = await deps.store.putGroupFilter(scope, put.kind, {
    groupName: put.groupName,
    name: put.name,
    creationTime: deps.now(),
    body: put.body,
  });
  if (!stored) throw logGroupNotFound();
};
