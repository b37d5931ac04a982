/**
 * Registered targets: RegisterTargets, DeregisterTargets (the target drains for the group's
 * deregistration delay, then `expireDrainingTargets` removes it) and DescribeTargetHealth.
 */
import { ApiError, partitionKey, type Partition } from '@berth/core';
import type { TargetDescription, TargetHealthDescription } from '@berth/wire/elbv2';

import type { RegisteredTargetRecord } from '../../records/registered-target-record.js';
import { ELBV2_KIND, targetKey } from '../../records/store-kinds.js';
import { invalidTarget } from '../elbv2-errors.js';
import { targetGroupOf } from '../lookups.js';
import { usesOf } from '../rules/rule-store.js';
import type { ServiceDeps } from '../service-deps.js';

import { targetHealthOf, type TargetHealthSource } from './target-health.js';
import { targetRefs } from './target-ids.js';

export const MAX_TARGETS_PER_GROUP = 1000;

export class TargetsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly health: TargetHealthSource,
  ) {}

  register(
    partition: Partition,
    targetGroupArn: unknown,
    targets: readonly TargetDescription[] | undefined,
  ): void {
    const key = partitionKey(partition);
    this.deps.store.transact((tx) => {
      const tg = targetGroupOf(tx, key, targetGroupArn);
      const refs = targetRefs(tg, targets);
      const now = this.deps.now();
      for (const ref of refs) {
        const k = targetKey(tg.arn, ref.id, ref.port);
        if (tx.get<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget, k)?.state === 'registered') continue;
        const record: RegisteredTargetRecord = {
          targetGroupArn: tg.arn,
          ...ref,
          registeredAt: now,
          state: 'registered',
          drainDeadline: null,
        };
        tx.put(ELBV2_KIND.registeredTarget, k, tg.arn, record);
      }
      if (tx.count(ELBV2_KIND.registeredTarget, tg.arn) > MAX_TARGETS_PER_GROUP)
        throw new ApiError(
          'TooManyTargets',
          `You've reached the limit on the number of targets per target group (${MAX_TARGETS_PER_GROUP})`,
          400,
        );
    });
  }

  /** Starts draining each target; with a deregistration delay of 0 it is removed at once. */
  deregister(
    partition: Partition,
    targetGroupArn: unknown,
    targets: readonly TargetDescription[] | undefined,
  ): void {
    const key = partitionKey(partition);
    this.deps.store.transact((tx) => {
      const tg = targetGroupOf(tx, key, targetGroupArn);
      const refs = targetRefs(tg, targets);
      const delayMs = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
      const now = this.deps.now();
      const missing = refs.filter(
        (r) => !tx.get(ELBV2_KIND.registeredTarget, targetKey(tg.arn, r.id, r.port)),
      );
      if (missing.length > 0)
        throw invalidTarget(
          `The following targets are not registered in target group '${tg.arn}': ${missing.map((r) => `${r.id}:${r.port}`).join(', ')}`,
        );
      for (const ref of refs) {
        const k = targetKey(tg.arn, ref.id, ref.port);
        const current = tx.get<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget, k);
        if (!current || current.state === 'draining') continue;
        if (delayMs === 0) tx.delete(ELBV2_KIND.registeredTarget, k);
        else
          tx.put(ELBV2_KIND.registeredTarget, k, tg.arn, {
            ...current,
            state: 'draining',
            drainDeadline: now + delayMs,
          } satisfies RegisteredTargetRecord);
      }
    });
  }

  /** Removes every draining target whose deregistration delay has ended; returns those removed. */
  expireDrainingTargets(now: number): RegisteredTargetRecord[] {
    const due = this.deps.store
      .list<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget)
      .filter((t) => t.state === 'draining' && t.drainDeadline !== null && t.drainDeadline <= now);
    if (due.length === 0) return [];
    return this.deps.store.transact((tx) =>
      due.filter((t) => {
        const k = targetKey(t.targetGroupArn, t.id, t.port);
        const current = tx.get<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget, k);
        if (current?.state !== 'draining' || current.drainDeadline === null || current.drainDeadline > now)
          return false;
        tx.delete(ELBV2_KIND.registeredTarget, k);
        return true;
      }),
    );
  }

  describeHealth(
    partition: Partition,
    targetGroupArn: unknown,
    targets: readonly TargetDescription[] | undefined,
  ): TargetHealthDescription[] {
    const store = this.deps.store;
    const tg = targetGroupOf(store, partitionKey(partition), targetGroupArn);
    const inUse = usesOf(store, tg.arn).length > 0;
    const registered = store
      .list<RegisteredTargetRecord>(ELBV2_KIND.registeredTarget, tg.arn)
      .sort((a, b) => a.registeredAt - b.registeredAt || a.id.localeCompare(b.id) || a.port - b.port);
    const wanted = targets?.length
      ? targetRefs(tg, targets).map((ref) => ({
          ref,
          record: store.get<RegisteredTargetRecord>(
            ELBV2_KIND.registeredTarget,
            targetKey(tg.arn, ref.id, ref.port),
          ),
        }))
      : registered.map((record) => ({ ref: record, record }));
    return wanted.map(({ ref, record }) => ({
      Target: {
        Id: ref.id,
        Port: ref.port,
        ...(ref.availabilityZone !== null ? { AvailabilityZone: ref.availabilityZone } : {}),
      },
      HealthCheckPort: tg.healthCheck.port === 'traffic-port' ? String(ref.port) : tg.healthCheck.port,
      TargetHealth: targetHealthOf(
        record,
        inUse,
        record ? this.health.observed(tg.arn, { id: record.id, port: record.port }) : undefined,
      ),
    }));
  }
}
