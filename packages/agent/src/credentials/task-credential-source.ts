/**
 * Where the agent gets a task's role credentials (the control plane's GetTaskCredentials),
 * cached per task and role and refreshed before they expire.
 */
import type { DesiredTask } from '@berth/wire/agent';

export interface TemporaryCredentials {
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface TaskCredentialSource {
  /**
   * Current credentials of the task's task role or execution role. Rejects with the control
   * plane's error (e.g. AccessDeniedException: the role does not exist or does not trust
   * ecs-tasks.amazonaws.com) when it cannot issue them; a task without that role rejects too.
   */
  credentialsFor(task: DesiredTask, role: 'task' | 'execution'): Promise<TemporaryCredentials>;
  /** Forgets a task's credentials (at task cleanup). */
  release(taskArn: string): void;
}
