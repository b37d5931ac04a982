/**
 * ECS's own agent-facing operations (SubmitTaskStateChange, SubmitContainerStateChange),
 * folded into the same task-state path as Berth's agent reports.
 */
import { invalidParameter } from '@berth/core';
import type { SubmitContainerStateChangeRequest, SubmitTaskStateChangeRequest } from '@berth/wire/ecs';
import type { ContainerReport, TaskReport } from '@berth/wire/agent';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as, requiredString } from './input.js';

const ACK = { acknowledgment: 'ACK' };
const TASK_STATUSES: readonly string[] = ['PENDING', 'RUNNING', 'STOPPING', 'DEPROVISIONING', 'STOPPED'];
const CONTAINER_STATUSES: readonly string[] = ['PENDING', 'RUNNING', 'STOPPED'];

const statusIn =
  <T extends string>(allowed: readonly string[]) =>
  (status: string | undefined): T => {
    if (!status || !allowed.includes(status)) throw invalidParameter(`Invalid status: ${String(status)}.`);
    return status as T;
  };

const taskStatus = statusIn<TaskReport['status']>(TASK_STATUSES);
const containerStatus = statusIn<ContainerReport['status']>(CONTAINER_STATUSES);

export const stateChangeOperations = ({
  agentLink,
  queries,
}: ControlPlaneServices): Record<string, Operation> => {
  const submit = (
    partition: Parameters<typeof agentLink.report>[0],
    cluster: string | undefined,
    taskRef: string,
    report: Omit<TaskReport, 'cluster' | 'task'>,
  ): void => {
    const record = queries.taskOf(partition, cluster, taskRef);
    agentLink.report(partition, {
      containerInstanceArn: record.task.containerInstanceArn ?? '',
      tasks: [{ ...report, cluster: record.clusterArn, task: record.task.taskArn ?? '' }],
    });
  };
  return {
    SubmitTaskStateChange: (ctx, input) => {
      const request = as<SubmitTaskStateChangeRequest>(input);
      const containers: ContainerReport[] = (request.containers ?? []).map((c) => ({
        containerName: c.containerName ?? '',
        status: containerStatus(c.status),
        ...(c.runtimeId ? { runtimeId: c.runtimeId } : {}),
        ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.networkBindings ? { networkBindings: c.networkBindings } : {}),
      }));
      submit(ctx.partition, request.cluster, requiredString(input, 'task'), {
        status: taskStatus(request.status),
        containers,
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.pullStartedAt !== undefined ? { pullStartedAt: request.pullStartedAt } : {}),
        ...(request.pullStoppedAt !== undefined ? { pullStoppedAt: request.pullStoppedAt } : {}),
        ...(request.executionStoppedAt !== undefined
          ? { executionStoppedAt: request.executionStoppedAt }
          : {}),
      });
      return ACK;
    },
    SubmitContainerStateChange: (ctx, input) => {
      const request = as<SubmitContainerStateChangeRequest>(input);
      const container: ContainerReport = {
        containerName: requiredString(input, 'containerName'),
        status: containerStatus(request.status),
        ...(request.runtimeId ? { runtimeId: request.runtimeId } : {}),
        ...(request.exitCode !== undefined ? { exitCode: request.exitCode } : {}),
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.networkBindings ? { networkBindings: request.networkBindings } : {}),
      };
      submit(ctx.partition, request.cluster, requiredString(input, 'task'), {
        status: 'PENDING',
        containers: [container],
      });
      return ACK;
    },
  };
};
