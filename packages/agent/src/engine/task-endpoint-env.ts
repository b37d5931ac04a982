/**
 * Where a container's task endpoint environment joins its own: the agent's variables
 * (ECS_CONTAINER_METADATA_URI_V4, AWS_REGION, credentials, …) are added unless the container
 * already sets the same name, which then wins.
 */
import type { DesiredTask } from '@berth/wire/agent';

/** The agent's task endpoint, as the engine sees it. */
export interface TaskEndpointEnv {
  envFor(task: DesiredTask, containerName: string): Readonly<Record<string, string>>;
}

/** `env` (`NAME=value` entries) with the endpoint's variables it does not set itself. */
export const withTaskEndpointEnv = (
  endpoint: TaskEndpointEnv | undefined,
  task: DesiredTask,
  containerName: string,
  env: readonly string[],
): string[] => {
  if (!endpoint) return [...env];
  const own = new Set(env.map((entry) => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry)));
  const added = Object.entries(endpoint.envFor(task, containerName)).filter(([name]) => !own.has(name));
  return [...env, ...added.map(([name, value]) => `${name}=${value}`)];
};
