/**
 * Application Load Balancers: create (idempotent for the same settings), describe, delete (with
 * their listeners and rules, unless deletion protection is on), attributes, and the data plane's
 * `markActive` once it has bound the load balancer's listeners.
 */
import { partitionKey, type Partition } from '@berth/core';
import type {
  CreateLoadBalancerInput,
  DescribeLoadBalancersInput,
  LoadBalancer,
  LoadBalancerAttribute,
} from '@berth/wire/elbv2';

import { loadBalancerArn } from '../../records/elbv2-arns.js';
import type { ListenerRecord } from '../../records/listener-record.js';
import type { LoadBalancerRecord } from '../../records/load-balancer-record.js';
import { ELBV2_KIND } from '../../records/store-kinds.js';
import type { LoadBalancerAddressPool } from '../addresses/load-balancer-address-pool.js';
import {
  duplicateLoadBalancerName,
  loadBalancersNotFound,
  operationNotPermitted,
  validationError,
} from '../elbv2-errors.js';
import { findLoadBalancer, loadBalancerOf } from '../lookups.js';
import { pageOf, type MarkerPage } from '../pagination.js';
import { deleteListenerTx } from '../rules/rule-store.js';
import type { ServiceDeps } from '../service-deps.js';
import { putTags } from '../tags/tags-service.js';
import { validateTags } from '../tags/tag-rules.js';

import {
  DEFAULT_LOAD_BALANCER_ATTRIBUTES,
  modifiedLoadBalancerAttributes,
  wireAttributes,
} from './load-balancer-attributes.js';
import {
  BERTH_HOSTED_ZONE_ID,
  BERTH_VPC_ID,
  checkLoadBalancerKind,
  checkLoadBalancerName,
  dnsNameOf,
  zonesOf,
} from './load-balancer-rules.js';
import { loadBalancerView } from './load-balancer-view.js';

const sameSettings = (
  a: LoadBalancerRecord,
  b: Pick<LoadBalancerRecord, 'scheme' | 'zones' | 'securityGroups'>,
) =>
  a.scheme === b.scheme &&
  JSON.stringify(a.zones.map((z) => z.subnetId)) === JSON.stringify(b.zones.map((z) => z.subnetId)) &&
  JSON.stringify([...a.securityGroups].sort()) === JSON.stringify([...b.securityGroups].sort());

export class LoadBalancersService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly addresses: LoadBalancerAddressPool,
  ) {}

  create(partition: Partition, request: CreateLoadBalancerInput): LoadBalancer {
    const name = checkLoadBalancerName(request.Name);
    const { scheme } = checkLoadBalancerKind(request);
    const zones = zonesOf(partition.region, request);
    const securityGroups = [...new Set(request.SecurityGroups ?? [])];
    const tags = validateTags(request.Tags);
    const key = partitionKey(partition);
    const id = this.deps.ids.hex16();
    const arn = loadBalancerArn(partition, name, id);
    const existing = this.byName(key, name);
    if (existing) {
      if (!sameSettings(existing, { scheme, zones, securityGroups })) throw duplicateLoadBalancerName(name);
      return loadBalancerView(existing);
    }
    const address = this.addresses.allocate(arn);
    try {
      const record: LoadBalancerRecord = {
        arn,
        id,
        name,
        partitionKey: key,
        type: 'application',
        scheme,
        ipAddressType: 'ipv4',
        state: 'provisioning',
        dnsName: dnsNameOf(name, id, partition.region),
        canonicalHostedZoneId: BERTH_HOSTED_ZONE_ID,
        vpcId: BERTH_VPC_ID,
        zones,
        securityGroups,
        address,
        attributes: DEFAULT_LOAD_BALANCER_ATTRIBUTES,
        createdAt: this.deps.now(),
      };
      this.deps.store.transact((tx) => {
        if (tx.list<LoadBalancerRecord>(ELBV2_KIND.loadBalancer, key).some((lb) => lb.name === name))
          throw duplicateLoadBalancerName(name);
        tx.put(ELBV2_KIND.loadBalancer, arn, key, record);
        putTags(tx, key, arn, tags);
      });
      return loadBalancerView(record);
    } catch (error) {
      this.addresses.release(arn);
      throw error;
    }
  }

  describe(partition: Partition, request: DescribeLoadBalancersInput): MarkerPage<LoadBalancer> {
    const key = partitionKey(partition);
    const { LoadBalancerArns: arns, Names: names } = request;
    if (arns?.length && names?.length)
      throw validationError(
        'Load balancer names and load balancer ARNs cannot be specified at the same time',
      );
    let found: LoadBalancerRecord[];
    if (arns?.length) {
      found = arns.map((arn) => findLoadBalancer(this.deps.store, key, arn)).filter((lb) => lb !== undefined);
      const missing = arns.filter((arn) => !found.some((lb) => lb.arn === arn));
      if (missing.length > 0) throw loadBalancersNotFound(missing);
    } else if (names?.length) {
      const all = this.all(key);
      found = all.filter((lb) => names.includes(lb.name));
      const missing = names.filter((n) => !found.some((lb) => lb.name === n));
      if (missing.length > 0) throw loadBalancersNotFound(missing);
    } else found = this.all(key);
    const page = pageOf(found, request.PageSize, request.Marker);
    return { ...page, items: page.items.map(loadBalancerView) };
  }

  /** DeleteLoadBalancer: succeeds when the load balancer does not exist, as ELBv2 does. */
  delete(partition: Partition, arn: unknown): void {
    const key = partitionKey(partition);
    if (typeof arn !== 'string' || arn.length === 0)
      throw validationError('LoadBalancerArn must be specified');
    const deleted = this.deps.store.transact((tx) => {
      const lb = findLoadBalancer(tx, key, arn);
      if (!lb) return false;
      if (lb.attributes['deletion_protection.enabled'] === 'true')
        throw operationNotPermitted(
          `Load balancer '${arn}' cannot be deleted because deletion protection is enabled`,
        );
      for (const listener of tx.list<ListenerRecord>(ELBV2_KIND.listener, arn))
        deleteListenerTx(tx, listener);
      tx.delete(ELBV2_KIND.loadBalancer, arn);
      tx.delete(ELBV2_KIND.tags, arn);
      return true;
    });
    if (deleted) this.addresses.release(arn);
  }

  describeAttributes(partition: Partition, arn: unknown): LoadBalancerAttribute[] {
    return wireAttributes(loadBalancerOf(this.deps.store, partitionKey(partition), arn).attributes);
  }

  modifyAttributes(
    partition: Partition,
    arn: unknown,
    changes: readonly LoadBalancerAttribute[] | undefined,
  ): LoadBalancerAttribute[] {
    const key = partitionKey(partition);
    return this.deps.store.transact((tx) => {
      const lb = loadBalancerOf(tx, key, arn);
      const attributes = modifiedLoadBalancerAttributes(lb.attributes, changes);
      tx.put(ELBV2_KIND.loadBalancer, lb.arn, key, { ...lb, attributes } satisfies LoadBalancerRecord);
      return wireAttributes(attributes);
    });
  }

  /**
   * provisioning → active: the data plane calls this once the load balancer's address is bound.
   * Until a data plane runs, whoever composes the module decides when (e.g. at once).
   * Returns false when the load balancer no longer exists.
   */
  markActive(arn: string): boolean {
    return this.deps.store.transact((tx) => {
      const lb = tx.get<LoadBalancerRecord>(ELBV2_KIND.loadBalancer, arn);
      if (!lb) return false;
      if (lb.state !== 'active')
        tx.put(ELBV2_KIND.loadBalancer, arn, lb.partitionKey, {
          ...lb,
          state: 'active',
        } satisfies LoadBalancerRecord);
      return true;
    });
  }

  private all(key: string): LoadBalancerRecord[] {
    return this.deps.store
      .list<LoadBalancerRecord>(ELBV2_KIND.loadBalancer, key)
      .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  }

  private byName(key: string, name: string): LoadBalancerRecord | undefined {
    return this.deps.store
      .list<LoadBalancerRecord>(ELBV2_KIND.loadBalancer, key)
      .find((lb) => lb.name === name);
  }
}
