import type { DesiredTask } from '@berth/wire/agent';

/** Whether any container of the task has secrets, environment files or registry credentials (pure). */
export const usesSecrets = (task: Pick<DesiredTask, 'containers'>): boolean =>
  task.containers.some(
    (c) =>
      (c.secrets ?? []).length > 0 ||
      (c.environmentFiles ?? []).length > 0 ||
      (c.repositoryCredentials?.credentialsParameter ?? '') !== '',
  );
