/**
 * Wires the ELBv2 API: its use cases over one store, the API service the gateway routes to, the
 * use cases other packages call, and what the data plane reads (snapshot, address resolver).
 */
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { elbv2Service } from './api/elbv2-service.js';
import type { Elbv2Services } from './api/elbv2-services.js';
import type { Elbv2Snapshot } from './data-plane-model.js';
import { elbv2UseCases, type Elbv2UseCases } from './elbv2-use-cases.js';
import type { LoadBalancerRecord } from './records/load-balancer-record.js';
import { ELBV2_KIND } from './records/store-kinds.js';
import {
  InMemoryLoadBalancerAddressPool,
  type LoadBalancerAddressPool,
} from './services/addresses/load-balancer-address-pool.js';
import { readSnapshot, type InstanceAddressResolver } from './services/data-plane-source.js';
import { ListenersService } from './services/listeners/listeners-service.js';
import { LoadBalancersService } from './services/load-balancers/load-balancers-service.js';
import { RulesService } from './services/rules/rules-service.js';
import { randomElbv2Ids, type Elbv2IdSource, type ServiceDeps } from './services/service-deps.js';
import { TagsService } from './services/tags/tags-service.js';
import { TargetGroupsService } from './services/target-groups/target-groups-service.js';
import { UNCHECKED, type TargetHealthSource } from './services/targets/target-health.js';
import { TargetsService } from './services/targets/targets-service.js';

export interface Elbv2ModuleConfig {
  readonly store: StateStore;
  readonly now?: () => number;
  readonly ids?: Elbv2IdSource;
  /** Default: an in-memory pool over `addressCidr`, seeded with the addresses in the store. */
  readonly addresses?: LoadBalancerAddressPool;
  /** The loopback block new load balancers take their addresses from (default 127.2.0.0/16). */
  readonly addressCidr?: string;
  /** The health checker's observations. Default: nothing observed (targets stay `initial`). */
  readonly health?: TargetHealthSource;
  /** Resolves `instance` targets for the data plane. Default: none resolve. */
  readonly instances?: InstanceAddressResolver;
}

export interface Elbv2Module {
  readonly services: Elbv2Services;
  readonly api: ApiService;
  /** What other packages (ECS) call. */
  readonly useCases: Elbv2UseCases;
  /** Every ELBv2 record, for the data plane's projection (dataPlaneModel). */
  snapshot(): Elbv2Snapshot;
  readonly instances: InstanceAddressResolver;
}

export const createElbv2Module = (config: Elbv2ModuleConfig): Elbv2Module => {
  const store = config.store;
  const deps: ServiceDeps = { store, now: config.now ?? Date.now, ids: config.ids ?? randomElbv2Ids };
  const addresses =
    config.addresses ??
    new InMemoryLoadBalancerAddressPool(
      store.list<LoadBalancerRecord>(ELBV2_KIND.loadBalancer).map((lb) => [lb.arn, lb.address] as const),
      config.addressCidr,
    );
  const targets = new TargetsService(deps, config.health ?? UNCHECKED);
  const services: Elbv2Services = {
    loadBalancers: new LoadBalancersService(deps, addresses),
    listeners: new ListenersService(deps),
    rules: new RulesService(deps),
    targetGroups: new TargetGroupsService(deps),
    targets,
    tags: new TagsService(deps),
  };
  return {
    services,
    api: elbv2Service(services),
    useCases: elbv2UseCases(store, targets, services.rules),
    snapshot: () => readSnapshot(store),
    instances: config.instances ?? (() => undefined),
  };
};
