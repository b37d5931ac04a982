/**
 * Finds what a request names among the engine's tasks: the container whose metadata token it
 * carries, or the task whose credentials id it carries. Tokens are derived, not stored, so this
 * derives each candidate's and compares.
 */
import type { ManagedContainer, TaskState } from '../engine/task-state.js';
import type { EndpointTokens } from './endpoint-tokens.js';

export interface FoundContainer {
  readonly task: Readonly<TaskState>;
  readonly container: ManagedContainer;
}

export const findContainer = (
  tasks: readonly Readonly<TaskState>[],
  tokens: EndpointTokens,
  token: string,
): FoundContainer | undefined => {
  for (const task of tasks)
    for (const container of task.containers)
      if (!container.internal && tokens.containerToken(task.desired.taskArn, container.name) === token)
        return { task, container };
  return undefined;
};

/** A task with a task role that has not stopped: stopped tasks' credentials are no longer served. */
export const findCredentialsTask = (
  tasks: readonly Readonly<TaskState>[],
  tokens: EndpointTokens,
  id: string,
): Readonly<TaskState> | undefined =>
  tasks.find(
    (task) =>
      task.desired.taskRoleArn !== undefined &&
      task.known !== 'STOPPED' &&
      tokens.credentialsId(task.desired.taskArn) === id,
  );
