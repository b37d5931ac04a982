/**
 * @berth/agent — runs on each host ("container instance"). It registers the host, long-polls the
 * desired tasks of its instance from the control plane, drives each task's containers through the
 * Docker Engine API with one serial loop per task, and reports observed state. ECR images (the
 * AWS form, or the registry host the control plane advertises) are pulled from Berth's registry
 * with the agent's GetAuthorizationToken (none for a FARGATE task without an execution role),
 * through a loopback forwarder when the control plane is on another host. Every task's containers
 * reach the task metadata endpoint (v3, v4), their task role's credentials and Berth's APIs on
 * 169.254.170.2 (added to `lo`, and left there), as on ECS. A task's `secrets`,
 * `environmentFiles` (file:// paths on the host) and `repositoryCredentials` are resolved at start
 * with its execution role's credentials and reach the container through a launcher reading a
 * tmpfs directory, never its configuration (see secrets/index.ts for where the values live).
 * Invariants: it writes lastStatus only, never desired status; statuses move forward only; it
 * touches only containers carrying its ownership labels; a restart re-adopts, never duplicates;
 * secret values never appear in a container's Docker configuration.
 */
export { Agent, AGENT_VERSION, type AgentConfig } from './agent.js';
export type { EngineConfig } from './engine/index.js';
export { STATS_DEFAULTS, type StatsConfig } from './stats/index.js';
export { TASK_ENDPOINT_DEFAULTS, type TaskEndpointConfig } from './task-endpoint/index.js';
export {
  ControlPlaneClient,
  ControlPlaneError,
  type AgentCredentials,
} from './session/control-plane-client.js';
export { splitAddressBlock } from './host/address-block.js';
export { defaultRunDir, HostRegistry } from './host/host-registry.js';
export { collectGarbage, findLeftovers, type GarbageReport, type Leftovers } from './host/leftovers.js';
export { DockerRuntime } from './runtime/docker/index.js';
