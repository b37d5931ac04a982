/**
 * GetTaskCredentials of the agent protocol: the credentials of a task's task role or execution
 * role, for the agent the task is placed on. The task must be placed on the asking instance and
 * not yet STOPPED, and must have that role (the task's override, else its definition's); the
 * role is assumed with the task id as the session name.
 */
import { ApiError, invalidParameter, resourceIdOf, type Partition } from '@berth/core';
import type { GetTaskCredentialsRequest, GetTaskCredentialsResponse } from '@berth/wire/agent';

import { KIND, placedOn, type TaskRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';
import type { TaskRoleSessions } from './task-role-sessions.js';

const roleOf = (record: TaskRecord, role: GetTaskCredentialsRequest['role']): string | undefined =>
  role === 'task'
    ? (record.task.overrides?.taskRoleArn ?? record.taskDefinition.taskRoleArn)
    : (record.task.overrides?.executionRoleArn ?? record.taskDefinition.executionRoleArn);

export class TaskCredentialsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sessions: TaskRoleSessions | undefined,
  ) {}

  async issue(partition: Partition, request: GetTaskCredentialsRequest): Promise<GetTaskCredentialsResponse> {
    if (request.role !== 'task' && request.role !== 'execution') {
      throw invalidParameter("role must be 'task' or 'execution'.");
    }
    const record = this.deps.store.get<TaskRecord>(KIND.task, request.taskArn);
    if (
      !record ||
      placedOn(record) !== request.containerInstanceArn ||
      !record.task.taskArn?.includes(`:${partition.accountId}:`) ||
      record.task.lastStatus === 'STOPPED'
    ) {
      throw invalidParameter('The referenced task was not found on this container instance.');
    }
    const roleArn = roleOf(record, request.role);
    if (!roleArn) {
      throw invalidParameter(`The task has no ${request.role === 'task' ? 'task' : 'execution'} role.`);
    }
    if (!this.sessions) {
      throw new ApiError('AccessDeniedException', 'Berth has no IAM to assume task roles with.', 400);
    }
    return this.sessions.assumeRoleForTask({
      accountId: partition.accountId,
      roleArn,
      sessionName: resourceIdOf(record.task.taskArn ?? ''),
    });
  }
}
