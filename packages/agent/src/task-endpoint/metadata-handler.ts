/**
 * Answers the metadata paths of one container's token: its own metadata, its task's, Docker's
 * stats of the container, or of every container of the task (runtime id → stats). An unknown
 * token is a 404, as on ECS.
 */
import type { TaskState } from '../engine/task-state.js';
import { containerDetails, type ContainerDetails } from './container-details.js';
import type { MetadataPath } from './endpoint-routes.js';
import { findContainer } from './endpoint-lookup.js';
import type { EndpointTokens } from './endpoint-tokens.js';
import { json, type EndpointResponse } from './endpoint-response.js';
import { containerMetadata, taskMetadata, type MetadataVersion } from './metadata-shapes.js';

/** Docker's documents, as the endpoint reads them. */
export interface DockerDocumentSource {
  inspect(id: string): Promise<unknown>;
  stats(id: string): Promise<unknown>;
}

export interface MetadataDeps {
  readonly tasks: () => readonly Readonly<TaskState>[];
  readonly tokens: EndpointTokens;
  readonly docker: DockerDocumentSource;
  readonly availabilityZone: string;
  /** The agent's awsvpc address block. */
  readonly subnetCidr?: string;
}

const runtimeIds = (task: Readonly<TaskState>): string[] =>
  task.containers.flatMap((c) => (c.internal || c.runtimeId === undefined ? [] : [c.runtimeId]));

/** Inspects the containers; one that cannot be inspected just shows less. */
const inspectAll = async (
  docker: DockerDocumentSource,
  ids: readonly string[],
): Promise<Map<string, ContainerDetails>> => {
  const documents = await Promise.all(ids.map((id) => docker.inspect(id).catch(() => undefined)));
  return new Map(ids.map((id, i) => [id, containerDetails(documents[i])]));
};

const statsOf = (docker: DockerDocumentSource, id: string | undefined): Promise<unknown> =>
  id === undefined ? Promise.resolve(null) : docker.stats(id).then((s) => s ?? null);

export const handleMetadata = async (
  deps: MetadataDeps,
  version: MetadataVersion,
  token: string,
  path: MetadataPath,
): Promise<EndpointResponse> => {
  const found = findContainer(deps.tasks(), deps.tokens, token);
  if (!found) {
    return json(
      404,
      `${version.toUpperCase()} container metadata handler: unable to find container for the token`,
    );
  }
  const { task, container } = found;
  if (path === 'container-stats') return json(200, await statsOf(deps.docker, container.runtimeId));
  if (path === 'task-stats') {
    const ids = runtimeIds(task);
    const stats = await Promise.all(ids.map((id) => statsOf(deps.docker, id)));
    return json(200, Object.fromEntries(ids.map((id, i) => [id, stats[i]])));
  }
  const details = await inspectAll(
    deps.docker,
    path === 'task' ? runtimeIds(task) : runtimeIds(task).filter((id) => id === container.runtimeId),
  );
  const ctx = {
    version,
    availabilityZone: deps.availabilityZone,
    ...(deps.subnetCidr === undefined ? {} : { subnetCidr: deps.subnetCidr }),
    details: (id: string) => details.get(id),
  };
  return json(200, path === 'task' ? taskMetadata(task, ctx) : containerMetadata(task, container, ctx));
};
