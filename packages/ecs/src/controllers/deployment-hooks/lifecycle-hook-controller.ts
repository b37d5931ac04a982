/**
 * The lifecycle hook controller: invokes the AWS_LAMBDA-type hooks a traffic-shifting deployment is
 * waiting on — a Berth-local URL or command (services/deployment-hooks) — and records each answer
 * on the deployment: SUCCEEDED or FAILED resolve the hook (the scheduler then goes on or rolls
 * back), IN_PROGRESS asks to be invoked again after its callBackDelay (30 s by default, as ECS).
 * An answer is kept only while the hook it answers is still the one waiting (same id, same start,
 * still IN_PROGRESS), so a late answer after a timeout or a rollback changes nothing. One
 * invocation per hook at a time; the answer is written in its own transaction.
 */
import { partitionOfArn } from '@berth/core';
import type { HookRun } from '@berth/scheduler';
import type { StateStore, StoreChange } from '@berth/store';

import { deploymentArn, revisionArn } from '../../services/ecs-services/service-deployment-queries.js';
import {
  SERVICE_KIND,
  type ServiceDeployment,
  type ServiceRecord,
} from '../../services/ecs-services/service-record.js';
import { epochSeconds } from '../../services/service-deps.js';
import type { LifecycleHookInvoker } from '../../services/deployment-hooks/hook-invoker.js';
import { hookPayload, type HookVerdict } from '../../services/deployment-hooks/hook-payload.js';
import { parseHookTarget } from '../../services/deployment-hooks/hook-target.js';
import { planTrafficWeights } from '../load-balancing/plan-traffic-weights.js';
import { LoopController } from '../controller-loop.js';

export interface LifecycleHookControllerOptions {
  readonly store: StateStore;
  readonly now: () => number;
  readonly invoker: LifecycleHookInvoker;
  /** Where file:// hook commands may live (absent: commands are refused). */
  readonly commandDir: string | undefined;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly resyncIntervalMs: number;
}

const DEFAULT_CALLBACK_SECONDS = 30;

const waitingHooks = (record: ServiceRecord): { deployment: ServiceDeployment; run: HookRun }[] =>
  record.deployments.flatMap((deployment) =>
    deployment.status === 'PRIMARY' && deployment.rolloutState === 'IN_PROGRESS'
      ? (deployment.shift?.hooks ?? [])
          .filter((run) => run.status === 'IN_PROGRESS')
          .map((run) => ({ deployment, run }))
      : [],
  );

export class LifecycleHookController extends LoopController<LifecycleHookControllerOptions> {
  private readonly inFlight = new Set<string>();

  protected *allKeys(): Iterable<string> {
    for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND))
      if (waitingHooks(record).length > 0) yield record.service.serviceArn ?? '';
  }

  protected *keysOf(changes: readonly StoreChange[]): Iterable<string> {
    for (const change of changes) if (change.kind === SERVICE_KIND) yield change.key;
  }

  reconcile(serviceArn: string): void {
    const record = this.options.store.get<ServiceRecord>(SERVICE_KIND, serviceArn);
    if (!record) return;
    const now = epochSeconds(this.options.now());
    for (const { deployment, run } of waitingHooks(record)) {
      const key = `${serviceArn}|${deployment.id}|${run.hookId}|${run.startedAt}`;
      if (this.inFlight.has(key) || (run.nextInvokeAt ?? 0) > now) continue;
      this.inFlight.add(key);
      void this.invoke(record, deployment, run)
        .then((verdict) => this.record(serviceArn, deployment.id, run, verdict))
        .catch((error: unknown) =>
          this.options.log('lifecycle hook not recorded', { serviceArn, error: String(error) }),
        )
        .finally(() => this.inFlight.delete(key));
    }
  }

  private async invoke(
    record: ServiceRecord,
    deployment: ServiceDeployment,
    run: HookRun,
  ): Promise<HookVerdict> {
    const hook = record.service.deploymentConfiguration?.lifecycleHooks?.[run.hookIndex];
    const target = parseHookTarget(hook?.hookTargetArn ?? '', this.options.commandDir);
    if (target.kind === 'invalid') return { status: 'FAILED', reason: target.message };
    const serviceArn = record.service.serviceArn ?? '';
    const partition = partitionOfArn(serviceArn);
    const entry = record.history?.deployments.find((e) => e.deploymentIds[0] === deployment.id);
    const weights = (rule: 'production' | 'test'): Record<string, number> => {
      const planned = planTrafficWeights(record.service.loadBalancers ?? [], record.deployments);
      const advanced = (record.service.loadBalancers ?? []).map((lb) => lb.advancedConfiguration);
      const arns = new Set(
        advanced.map((a) => (rule === 'production' ? a?.productionListenerRule : a?.testListenerRule)),
      );
      return Object.fromEntries(
        planned
          .filter((p) => arns.has(p.ruleArn))
          .flatMap((p) => p.weights.map((w) => [w.targetGroupArn, w.weight])),
      );
    };
    const payload = hookPayload({
      executionId: `${deployment.id.slice('ecs-svc/'.length)}-${run.hookId}-${run.startedAt}`,
      lifecycleStage: run.stage,
      resourceArn: entry ? deploymentArn(partition, record, entry.id) : serviceArn,
      serviceArn,
      targetServiceRevisionArn: entry ? revisionArn(partition, record, entry.targetRevisionId) : '',
      testTrafficWeights: weights('test'),
      productionTrafficWeights: weights('production'),
      ...(hook?.hookDetails !== undefined ? { hookDetails: hook.hookDetails } : {}),
    });
    this.options.log('lifecycle hook invoked', { serviceArn, hookId: run.hookId, stage: run.stage });
    return this.options.invoker.invoke(target, payload);
  }

  private record(serviceArn: string, deploymentId: string, run: HookRun, verdict: HookVerdict): void {
    const now = epochSeconds(this.options.now());
    this.options.store.transact((tx) => {
      const record = tx.get<ServiceRecord>(SERVICE_KIND, serviceArn);
      const deployment = record?.deployments.find((d) => d.id === deploymentId);
      const current = deployment?.shift?.hooks.find((h) => h.hookId === run.hookId);
      if (
        !record ||
        !deployment?.shift ||
        current?.status !== 'IN_PROGRESS' ||
        current.startedAt !== run.startedAt
      )
        return;
      const answered: HookRun =
        verdict.status === 'IN_PROGRESS'
          ? { ...current, nextInvokeAt: now + (verdict.callBackDelaySeconds ?? DEFAULT_CALLBACK_SECONDS) }
          : { ...current, status: verdict.status, reason: verdict.reason };
      const shift = deployment.shift;
      tx.put(SERVICE_KIND, serviceArn, record.clusterArn, {
        ...record,
        deployments: record.deployments.map((d) =>
          d.id === deploymentId
            ? {
                ...d,
                shift: { ...shift, hooks: shift.hooks.map((h) => (h.hookId === run.hookId ? answered : h)) },
              }
            : d,
        ),
      });
    });
    this.options.log('lifecycle hook answered', { serviceArn, hookId: run.hookId, status: verdict.status });
  }
}
