import {
  AGENT_TARGET_PREFIX,
  type GetTaskCredentialsRequest,
  type PollDesiredTasksRequest,
  type RegisterManagedHostRequest,
  type ReportTaskStateRequest,
  type SubmitTaskStatsRequest,
} from '@berth/wire/agent';

import { internalJsonModel, type ApiService, type Operation } from '@berth/gateway';
import type { ControlPlaneServices } from '../ecs/control-plane-services.js';
import { as } from '../ecs/input.js';

/**
 * Berth's agent protocol (AWS JSON 1.1, SigV4): managed-host registration, long-polled desired
 * state, state reports, task stats samples and task-role credentials.
 */
export const agentService = ({
  agentLink,
  managedHosts,
  taskStats,
  taskCredentials,
}: ControlPlaneServices): ApiService => ({
  model: internalJsonModel(AGENT_TARGET_PREFIX, 'ecs'),
  rootOnly: true,
  operations: new Map<string, Operation>([
    [
      'RegisterManagedHost',
      (ctx, input) => managedHosts.register(ctx.partition, as<RegisterManagedHostRequest>(input)),
    ],
    ['PollDesiredTasks', (ctx, input) => agentLink.poll(ctx.partition, as<PollDesiredTasksRequest>(input))],
    ['ReportTaskState', (ctx, input) => agentLink.report(ctx.partition, as<ReportTaskStateRequest>(input))],
    [
      'GetTaskCredentials',
      (ctx, input) => taskCredentials.issue(ctx.partition, as<GetTaskCredentialsRequest>(input)),
    ],
    ['SubmitTaskStats', (ctx, input) => taskStats.submit(ctx.partition, as<SubmitTaskStatsRequest>(input))],
  ]),
});
