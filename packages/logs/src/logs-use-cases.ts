/** What other packages (ECS, the agent's log shipping path) call: Logs use cases by partition. */
import { ApiError } from '@berth/core';
import type { LogGroupView, LogScope } from '@berth/telemetry';
import type { PutLogEventsRequest, PutLogEventsResponse } from '@berth/wire/logs';

import type { LogsServices } from './api/logs-services.js';
import type { CreateLogGroupRequest } from './services/log-groups-service.js';

export interface LogsUseCases {
  /** ResourceAlreadyExistsException when the group exists. */
  createLogGroup(scope: LogScope, request: CreateLogGroupRequest): Promise<void>;
  /** ResourceNotFoundException without the group; ResourceAlreadyExistsException when the stream exists. */
  createLogStream(scope: LogScope, logGroupName: string, logStreamName: string): Promise<void>;
  /** PutLogEvents with its batch rules and rejections. */
  putLogEvents(scope: LogScope, request: PutLogEventsRequest): Promise<PutLogEventsResponse>;
  /** The group, or undefined when the partition has none of that name. */
  describeLogGroup(scope: LogScope, logGroupName: string): Promise<LogGroupView | undefined>;
}

export const logsUseCases = (services: LogsServices): LogsUseCases => ({
  createLogGroup: (scope, request) => services.groups.create(scope, request),
  createLogStream: (scope, group, stream) => services.streams.create(scope, group, stream),
  putLogEvents: (scope, request) => services.events.put(scope, request),
  describeLogGroup: async (scope, name) => {
    try {
      return await services.groups.get(scope, name);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  },
});
