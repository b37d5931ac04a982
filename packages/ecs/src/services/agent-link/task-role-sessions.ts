/**
 * The port ECS issues task-role credentials through (STS, wired by the server): it assumes a role
 * as the service principal `ecs-tasks.amazonaws.com`, as ECS does for every task with a task or
 * execution role.
 */
import type { GetTaskCredentialsResponse } from '@berth/wire/agent';

export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

export interface TaskRoleSessions {
  /**
   * Temporary credentials of `roleArn` for a session named `sessionName` (the task id). Throws
   * ApiError('AccessDeniedException', …) when the role does not exist or its trust policy does not
   * let ecs-tasks.amazonaws.com assume it.
   */
  assumeRoleForTask(request: {
    readonly accountId: string;
    readonly roleArn: string;
    readonly sessionName: string;
  }): GetTaskCredentialsResponse | Promise<GetTaskCredentialsResponse>;
}
