/**
 * The task metadata endpoint (v3, v4), the container credentials endpoint and the API forwarder,
 * reachable from inside every task's containers. Invariants: a container's metadata token and a
 * task's credentials id and authorization token are unguessable and derived from a per-agent secret
 * (a restarted agent answers the containers it adopts); credentials are served only to a request
 * carrying the task's authorization token; the endpoint address stays on `lo` when the agent stops.
 */
export { TaskEndpoint, TASK_ENDPOINT_DEFAULTS, type TaskEndpointConfig } from './task-endpoint.js';
export type { EndpointLocation } from './endpoint-env.js';
export { agentTaskEndpoint } from './agent-task-endpoint.js';
