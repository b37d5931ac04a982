/**
 * The pool of Berth-managed ("Fargate") capacity: agents started with `--managed` register here
 * instead of with a cluster. The pool serves every account and region of the installation; a host
 * keeps its ARN across restarts, so it adopts its own tasks.
 */
import {
  fromWireResources,
  type Partition,
  type RegisterManagedHostRequest,
  type RegisterManagedHostResponse,
} from '@berth/core';

import type { AgentPresence } from '../agent-presence.js';
import { KIND, type ManagedHostRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';

/** The store scope every managed host is kept under. */
const MANAGED_POOL = 'managed-pool';

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
      const reuse = earlier;
      const next: ManagedHostRecord = {
        hostArn: reuse?.hostArn ?? managedHostArn(partition, this.deps.ids.hexId()),
        status: 'ACTIVE',
        registeredResources: fromWireResources(request.totalResources),
        attributes: [...(request.attributes ?? [])],
        registeredAt: reuse?.registeredAt ?? epochSeconds(this.deps.now()),
      };
      tx.put(KIND.managedHost, next.hostArn, MANAGED_POOL, next);
      return next;
    });
    this.presence.seen(record.hostArn);
    return { hostArn: record.hostArn };
  }
}
