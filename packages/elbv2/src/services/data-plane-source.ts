/**
 * What the data plane reads and calls: one snapshot of every ELBv2 record (all partitions, since
 * one HAProxy serves them all), the instance-address resolver for `instance` targets, and
 * `markActive` once a load balancer's listeners are bound.
 */
import type { StoreReader } from '@berth/store';

import type { Elbv2Snapshot } from '../data-plane-model.js';
import { ELBV2_KIND } from '../records/store-kinds.js';

/** Resolves an `instance` target's id (a Berth container-instance id, or any id) to an address. */
export type InstanceAddressResolver = (instanceId: string) => string | undefined;

export const readSnapshot = (reader: StoreReader): Elbv2Snapshot => ({
  loadBalancers: reader.list(ELBV2_KIND.loadBalancer),
  listeners: reader.list(ELBV2_KIND.listener),
  rules: reader.list(ELBV2_KIND.rule),
  targetGroups: reader.list(ELBV2_KIND.targetGroup),
  targets: reader.list(ELBV2_KIND.registeredTarget),
});
