/** PutAttributes, DeleteAttributes, ListAttributes: custom attributes of container instances. */
import { ApiError, invalidParameter, type Partition } from '@berth/core';
import type { Attribute } from '@berth/wire/ecs';

import { activeCluster } from './cluster-ref.js';
import type { ContainerInstancesService } from './container-instances/container-instances-service.js';
import { instanceArnOf } from './container-instances/instance-views.js';
import { paginate, type Page } from './pagination.js';
import { KIND, type ContainerInstanceRecord } from './records.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_CUSTOM_ATTRIBUTES = 10;
const NAME_PATTERN = /^[a-zA-Z0-9_.\-/]{1,128}$/;
const VALUE_PATTERN = /^[a-zA-Z0-9_.\-/:@ ]{1,128}$/;
const isBuiltIn = (name: string): boolean => name.startsWith('ecs.') || name.startsWith('com.amazonaws.ecs.');

export class AttributesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly instances: ContainerInstancesService,
  ) {}

  put(partition: Partition, clusterRef: string | undefined, attributes: readonly Attribute[]): Attribute[] {
    for (const a of attributes) {
      if (!NAME_PATTERN.test(a.name)) throw invalidParameter(`Invalid attribute name: ${a.name}.`);
      if (a.value !== undefined && !VALUE_PATTERN.test(a.value))
        throw invalidParameter(`Invalid attribute value: ${a.value}.`);
      if (a.targetType !== undefined && a.targetType !== 'container-instance')
        throw invalidParameter('Invalid targetType.');
    }
    return this.modify(partition, clusterRef, attributes, (current, a) => {
      const next = current.filter((c) => c.name !== a.name);
      next.push({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}) });
      if (next.filter((c) => !isBuiltIn(c.name)).length > MAX_CUSTOM_ATTRIBUTES) {
        throw new ApiError(
          'AttributeLimitExceededException',
          `You can apply up to ${MAX_CUSTOM_ATTRIBUTES} custom attributes for each resource.`,
        );
      }
      return next;
    });
  }

  delete(
    partition: Partition,
    clusterRef: string | undefined,
    attributes: readonly Attribute[],
  ): Attribute[] {
    return this.modify(partition, clusterRef, attributes, (current, a) => {
      if (!current.some((c) => c.name === a.name)) {
        throw new ApiError(
          'TargetNotFoundException',
          `The specified attribute ${a.name} was not found on the target.`,
        );
      }
      return current.filter((c) => c.name !== a.name);
    });
  }

  list(
    partition: Partition,
    request: {
      cluster?: string;
      targetType: string;
      attributeName?: string;
      attributeValue?: string;
      maxResults?: unknown;
      nextToken?: unknown;
    },
  ): Page<Attribute> {
    if (request.targetType !== 'container-instance') throw invalidParameter('Invalid targetType.');
    if (request.attributeValue !== undefined && request.attributeName === undefined) {
      throw invalidParameter('attributeName must be specified when attributeValue is specified.');
    }
    const clusterArn = activeCluster(this.deps.store, partition, request.cluster).cluster.clusterArn ?? '';
    const attributes = this.deps.store
      .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
      .filter((r) => r.instance.status !== 'INACTIVE')
      .flatMap((r) =>
        (r.instance.attributes ?? []).map((a) => ({
          ...a,
          targetType: 'container-instance' as const,
          targetId: r.instance.containerInstanceArn ?? '',
        })),
      )
      .filter((a) => request.attributeName === undefined || a.name === request.attributeName)
      .filter((a) => request.attributeValue === undefined || a.value === request.attributeValue);
    return paginate(attributes, request.maxResults, request.nextToken);
  }

  private modify(
    partition: Partition,
    clusterRef: string | undefined,
    attributes: readonly Attribute[],
    apply: (current: Attribute[], attribute: Attribute) => Attribute[],
  ): Attribute[] {
    if (attributes.length === 0 || attributes.length > 10)
      throw invalidParameter('attributes must contain between 1 and 10 items.');
    return this.deps.store.transact((tx) => {
      const clusterArn = activeCluster(tx, partition, clusterRef).cluster.clusterArn ?? '';
      const changed = new Map<string, ContainerInstanceRecord>();
      for (const a of attributes) {
        if (!a.targetId) throw invalidParameter('targetId must be specified for each attribute.');
        const arn = instanceArnOf(partition, clusterArn, a.targetId);
        const record = changed.get(arn) ?? this.instances.find(tx, clusterArn, a.targetId);
        if (!record) throw new ApiError('TargetNotFoundException', `Could not find ${a.targetId}.`);
        const next = apply([...(record.instance.attributes ?? [])], a);
        changed.set(arn, { ...record, instance: { ...record.instance, attributes: next } });
      }
      for (const [arn, record] of changed) tx.put(KIND.containerInstance, arn, clusterArn, record);
      return attributes.map((a) => ({ ...a, targetType: 'container-instance' as const }));
    });
  }
}
