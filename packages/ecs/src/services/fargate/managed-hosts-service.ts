/**
 * The pool of Berth-managed ("Fargate") capacity: agents started with `--managed` register here
 * instead of with a cluster. A host serves the account whose credentials registered it, in every
 * region (never another account's tasks); it keeps its ARN across restarts, so it adopts its own
 * tasks.
 */
import { fromWireResources, type Partition } from '@berth/core';
import type { RegisterManagedHostRequest, RegisterManagedHostResponse } from '@berth/wire/agent';

import type { AgentPresence } from '../agent-presence.js';
import { KIND, type ManagedHostRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';

export const managedHostArn = (partition: Partition, id: string): string =>
  `arn:aws:ecs:${partition.region}:${partition.accountId}:managed-host/${id}`;

export class ManagedHostsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly presence: AgentPresence,
  ) {}

  register(partition: Partition, request: RegisterManagedHostRequest): RegisterManagedHostResponse {
    const record = this.deps.store.transact((tx) => {
      const earlier = request.hostArn
        ? tx.get<ManagedHostRecord>(KIND.managedHost, request.hostArn)
        : undefined;
      const reuse = earlier?.accountId === partition.accountId ? earlier : undefined;
      const next: ManagedHostRecord = {
        hostArn: reuse?.hostArn ?? managedHostArn(partition, this.deps.ids.hexId()),
        accountId: partition.accountId,
        status: 'ACTIVE',
        registeredResources: fromWireResources(request.totalResources),
        attributes: [...(request.attributes ?? [])],
        registeredAt: reuse?.registeredAt ?? epochSeconds(this.deps.now()),
      };
      tx.put(KIND.managedHost, next.hostArn, partition.accountId, next);
      return next;
    });
    this.presence.seen(record.hostArn);
    return { hostArn: record.hostArn };
  }
}
