import type { DesiredTask } from '@berth/wire/agent';

/** The container name ECS gives the awsvpc pause container. */
export const PAUSE_CONTAINER_NAME = '~internal~ecs~pause';

/** The task id: the last segment of the task ARN. */
export const taskIdOf = (taskArn: string): string => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/** As the ECS agent does: keep only [A-Za-z0-9-] of the container name. */
const stripName = (name: string): string => name.replace(/[^A-Za-z0-9-]/g, '');

/** Whatever Docker does not allow in a name. */
const sanitize = (text: string): string => text.replace(/[^A-Za-z0-9_.-]/g, '');

/** Deterministic Docker name `ecs-<family>-<revision>-<container>-<taskId>`, so a retry finds its container. */
export const dockerContainerName = (task: DesiredTask, containerName: string): string =>
  `ecs-${sanitize(task.family)}-${task.revision}-${stripName(containerName)}-${sanitize(taskIdOf(task.taskArn))}`;

/** Deterministic name of a task-scoped Docker volume. */
export const taskVolumeName = (task: DesiredTask, volumeName: string): string =>
  `ecs-${sanitize(task.family)}-${task.revision}-${stripName(volumeName)}-${sanitize(taskIdOf(task.taskArn))}`;
