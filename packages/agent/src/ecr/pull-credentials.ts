import type { DesiredTask } from '@berth/wire/agent';

/**
 * Whether a task's registry images are pulled with credentials (pure). ECS pulls private ECR images
 * of a FARGATE task with the task execution role, so one without an execution role pulls them
 * anonymously (and the registry refuses); EC2 (and EXTERNAL) tasks pull with the container
 * instance's own credentials, role or not.
 */
export const pullsWithCredentials = (task: Pick<DesiredTask, 'launchType' | 'executionRoleArn'>): boolean =>
  task.launchType !== 'FARGATE' || (task.executionRoleArn ?? '') !== '';
