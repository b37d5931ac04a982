/**
 * The agent's task endpoint, wired: task-role credentials come from the agent's credential source
 * (the control plane's GetTaskCredentials, cached), the API forwarder leads to the control plane's
 * endpoint, and the metadata shows the engine's tasks with Docker's documents.
 */
import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import type { TaskState } from '../engine/task-state.js';
import { TaskEndpoint, type TaskEndpointConfig, type TaskEndpointDeps } from './task-endpoint.js';

export interface AgentTaskEndpointOptions {
  readonly config: TaskEndpointConfig;
  /** The control plane's endpoint URL. */
  readonly endpoint: string;
  readonly credentials: TaskCredentialSource;
  readonly stateDir: string;
  readonly tasks: () => readonly Readonly<TaskState>[];
  readonly docker: TaskEndpointDeps['docker'];
  readonly availabilityZone: string;
  readonly subnetCidr?: string;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** `http://[::1]:9000` → `::1`, 9000; the scheme's port when none is written. */
const targetOf = (endpoint: string): { hostname: string; port: number } => {
  const url = new URL(endpoint);
  return {
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
};

export const agentTaskEndpoint = (options: AgentTaskEndpointOptions): TaskEndpoint =>
  new TaskEndpoint({
    config: options.config,
    stateDir: options.stateDir,
    api: targetOf(options.endpoint),
    tasks: options.tasks,
    credentials: options.credentials,
    docker: options.docker,
    availabilityZone: options.availabilityZone,
    ...(options.subnetCidr === undefined ? {} : { subnetCidr: options.subnetCidr }),
    log: options.log,
  });
