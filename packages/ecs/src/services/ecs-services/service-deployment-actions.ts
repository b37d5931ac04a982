/**
 * StopServiceDeployment and ContinueServiceDeployment: what a user may do to a service deployment
 * once it has started.
 *
 * StopServiceDeployment (stopType ROLLBACK, the only valid value [M]) rolls an in-progress service
 * deployment back to the previous service revision, even without rollback configured [M]: in one
 * transaction the deployment's PRIMARY becomes ACTIVE (FAILED) and a new PRIMARY returns to the
 * deployment that last completed — its task definition, launch type or capacity provider strategy,
 * platform version and network configuration — and the service deployment moves to
 * ROLLBACK_REQUESTED. The service controller, level-triggered, rolls tasks over to the new PRIMARY
 * and follows the service deployment to ROLLBACK_IN_PROGRESS and ROLLBACK_SUCCESSFUL (or
 * ROLLBACK_FAILED) [G stop-service-deployment]. A deployment already rolling back goes on; a
 * finished one cannot be stopped (ConflictException).
 *
 * A traffic-shifting deployment (BLUE_GREEN, LINEAR, CANARY) still running its blue revision is
 * rolled back in place instead: the scheduler returns traffic to blue (shiftStopped).
 *
 * ContinueServiceDeployment acts on a deployment paused at a PAUSE lifecycle hook [M]: CONTINUE
 * lets it pass, ROLLBACK fails it, and the scheduler goes on or rolls back at its next step.
 */
import { ApiError, invalidParameter, parseArn, type Partition } from '@berth/core';
import type { ContinueServiceDeploymentResponse, StopServiceDeploymentResponse } from '@berth/wire/ecs';
import { serviceReasons, type HookRun } from '@berth/scheduler';

import { epochSeconds, type ServiceDeps } from '../service-deps.js';

import { deploymentIdFrom } from './deployment-id.js';
import { launchFieldsOf, withoutLaunchFields } from './service-request.js';
import { targetOf } from '../fargate/launch-target.js';
import { rollbackTarget, type RollbackTarget } from './rollback-target.js';
import { findServiceDeployment } from './service-deployment-queries.js';
import { requestRollback, type ServiceDeploymentEntry, type ServiceHistory } from './service-history.js';
import { SERVICE_KIND, type ServiceDeployment, type ServiceRecord } from './service-record.js';

/** (impl) ECS's wording is not published; patterned after `Service not found.`. */
const notFound = (): ApiError =>
  new ApiError('ServiceDeploymentNotFoundException', 'Service deployment not found.');
const conflict = (message: string): ApiError => new ApiError('ConflictException', message);

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const STOPPABLE = new Set(['PENDING', 'IN_PROGRESS']);
const ALREADY_STOPPING = new Set(['STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

const deploymentArnOf = (value: unknown): string => {
  const parsed = typeof value === 'string' ? parseArn(value) : undefined;
  if (!parsed || parsed.service !== 'ecs' || parsed.type !== 'service-deployment') {
    // (impl)
    throw invalidParameter(`Invalid service deployment ARN: ${text(value)}.`);
  }
  return value as string;
};

/** The revision a rollback returns to: the target deployment's own, else the newest of its task definition. */
const revisionIdOf = (history: ServiceHistory, target: RollbackTarget): string =>
  (
    history.revisions.find((r) => `ecs-svc/${r.id}` === target.deploymentId) ??
    history.revisions.find((r) => r.taskDefinitionArn === target.taskDefinitionArn)
  )?.id ?? '';

export class ServiceDeploymentActions {
  constructor(private readonly deps: ServiceDeps) {}

  stop(
    partition: Partition,
    request: { serviceDeploymentArn?: unknown; stopType?: unknown },
  ): StopServiceDeploymentResponse {
    const arn = deploymentArnOf(request.serviceDeploymentArn);
    const stopType = request.stopType ?? 'ROLLBACK';
    if (stopType !== 'ROLLBACK') {
      // (impl) [M StopServiceDeployment.stopType]: "The valid values are ROLLBACK."
      throw invalidParameter(`Invalid stopType: ${text(stopType)}. The valid value is ROLLBACK.`);
    }
    return this.deps.store.transact((tx) => {
      const found = findServiceDeployment(tx, partition, arn);
      if (!found) throw notFound();
      const { record, entry } = found;
      if (ALREADY_STOPPING.has(entry.status)) return { serviceDeploymentArn: arn };
      if (!STOPPABLE.has(entry.status)) {
        throw conflict(
          `The service deployment is ${entry.status}: only a PENDING or IN_PROGRESS service deployment can be stopped.`,
        );
      }
      if (record.service.status !== 'ACTIVE') {
        throw conflict(
          `The service is ${record.service.status ?? 'INACTIVE'}: its deployments cannot be rolled back.`,
        );
      }
      const target = rollbackTarget(record);
      const stopped = record.deployments.find(
        (d) => d.id === entry.deploymentIds[0] && d.status === 'PRIMARY',
      );
      if (stopped?.shift !== undefined && stopped.rolloutState === 'IN_PROGRESS') {
        tx.put(
          SERVICE_KIND,
          record.service.serviceArn ?? '',
          record.clusterArn,
          this.shiftStopped(record, entry),
        );
        return { serviceDeploymentArn: arn };
      }
      if (!target || !stopped || target.deploymentId === stopped.id) {
        throw conflict('The service has no previous service revision to roll back to.');
      }
      tx.put(
        SERVICE_KIND,
        record.service.serviceArn ?? '',
        record.clusterArn,
        this.rolledBack(record, entry, target),
      );
      return { serviceDeploymentArn: arn };
    });
  }

  continue(
    partition: Partition,
    request: { serviceDeploymentArn?: unknown; hookId?: unknown; action?: unknown },
  ): ContinueServiceDeploymentResponse {
    const arn = deploymentArnOf(request.serviceDeploymentArn);
    const hookId = request.hookId;
    if (typeof hookId !== 'string' || hookId.length === 0) {
      throw invalidParameter('hookId can not be blank.');
    }
    const action = request.action ?? 'CONTINUE';
    if (action !== 'CONTINUE' && action !== 'ROLLBACK') {
      throw invalidParameter(`Invalid action: ${text(action)}. Valid values are CONTINUE and ROLLBACK.`);
    }
    return this.deps.store.transact((tx) => {
      const found = findServiceDeployment(tx, partition, arn);
      if (!found) throw notFound();
      const { record, entry } = found;
      const deployment = record.deployments.find((d) => d.id === entry.deploymentIds[0]);
      const hook = deployment?.shift?.hooks.find((h) => h.hookId === hookId);
      if (!deployment?.shift || hook?.status !== 'AWAITING_ACTION') {
        // [G continue-service-deployment: "The pause hook must be in AWAITING_ACTION status"]; (impl) wording.
        throw invalidParameter(`The lifecycle hook ${hookId} is not in AWAITING_ACTION status.`);
      }
      const now = epochSeconds(this.deps.now());
      const resolved = (h: HookRun): HookRun =>
        h.hookId !== hookId
          ? h
          : action === 'CONTINUE'
            ? { ...h, status: 'SUCCEEDED', reason: 'ContinueServiceDeployment: CONTINUE' }
            : { ...h, status: 'FAILED', reason: 'ContinueServiceDeployment: ROLLBACK' };
      const shift = deployment.shift;
      tx.put(SERVICE_KIND, record.service.serviceArn ?? '', record.clusterArn, {
        ...record,
        deployments: record.deployments.map((d) =>
          d.id === deployment.id
            ? { ...d, shift: { ...shift, hooks: shift.hooks.map(resolved) }, updatedAt: now }
            : d,
        ),
      });
      return { serviceDeploymentArn: arn };
    });
  }

  /**
   * A traffic-shifting deployment asked to roll back: the scheduler returns traffic to blue at its
   * next step (the deployment keeps no second PRIMARY), and the service deployment waits in
   * ROLLBACK_REQUESTED until it has.
   */
  private shiftStopped(record: ServiceRecord, entry: ServiceDeploymentEntry): ServiceRecord {
    const now = epochSeconds(this.deps.now());
    const reason = serviceReasons.stoppedByRequest;
    return {
      ...record,
      deployments: record.deployments.map((d) =>
        d.id === entry.deploymentIds[0] && d.shift
          ? { ...d, shift: { ...d.shift, rollbackRequested: reason } }
          : d,
      ),
      ...(record.history
        ? {
            history: {
              ...record.history,
              deployments: record.history.deployments.map((e) =>
                e.id === entry.id
                  ? { ...e, status: 'ROLLBACK_REQUESTED' as const, statusReason: reason, updatedAt: now }
                  : e,
              ),
            },
          }
        : {}),
    };
  }

  /** The service rolled back to `target`: a new PRIMARY, the stopped one FAILED, the history entry following it. */
  private rolledBack(
    record: ServiceRecord,
    entry: ServiceDeploymentEntry,
    target: RollbackTarget,
  ): ServiceRecord {
    const now = epochSeconds(this.deps.now());
    const id = deploymentIdFrom(this.deps.ids.hexId());
    const desiredCount = record.service.desiredCount ?? 0;
    const rollback: ServiceDeployment = {
      id,
      status: 'PRIMARY',
      taskDefinitionArn: target.taskDefinitionArn,
      desiredCount,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: serviceReasons.stopRollingBack(target.deploymentId),
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      failedLaunches: 0,
      nextLaunchAt: 0,
      ...target.launch,
    };
    const deployments = record.deployments.map((d): ServiceDeployment =>
      d.status !== 'PRIMARY'
        ? d
        : {
            ...d,
            status: 'ACTIVE',
            rolloutState: 'FAILED',
            rolloutStateReason: serviceReasons.stoppedByRequest,
            updatedAt: now,
          },
    );
    const { networkConfiguration: _network, ...service } = withoutLaunchFields(record.service);
    const history = record.history;
    return {
      ...record,
      service: {
        ...service,
        taskDefinition: target.taskDefinitionArn,
        ...launchFieldsOf(targetOf(target.launch)),
        ...(target.launch.networkConfiguration
          ? { networkConfiguration: target.launch.networkConfiguration }
          : {}),
      },
      deployments: [rollback, ...deployments],
      ...(history
        ? {
            history: requestRollback(history, {
              entryId: entry.id,
              rollbackDeploymentId: id,
              revisionId: revisionIdOf(history, target),
              // (impl)
              reason: 'StopServiceDeployment: rolling back to the previous service revision.',
              now,
            }),
          }
        : {}),
    };
  }
}
