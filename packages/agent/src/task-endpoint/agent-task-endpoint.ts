/**
 * The agent's task endpoint, wired: task-role credentials come from the control plane's
 * GetTaskCredentials (cached), the API forwarder leads to the control plane's endpoint, and the
 * metadata shows the engine's tasks with Docker's documents.
 */
import {
  AGENT_TARGET_PREFIX,
  type GetTaskCredentialsRequest,
  type GetTaskCredentialsResponse,
} from '@berth/wire/agent';

import { TaskCredentialsCache } from '../credentials/task-credentials-cache.js';
import type { TaskState } from '../engine/task-state.js';
import type { ControlPlaneClient } from '../session/control-plane-client.js';
import { TaskEndpoint, type TaskEndpointConfig, type TaskEndpointDeps } from './task-endpoint.js';

const CREDENTIALS_CALL_TIMEOUT_MS = 30_000;

export interface AgentTaskEndpointOptions {
  readonly config: TaskEndpointConfig;
  /** The control plane's endpoint URL. */
  readonly endpoint: string;
  readonly client: Pick<ControlPlaneClient, 'call'>;
  readonly containerInstanceArn: () => string;
  readonly stateDir: string;
  readonly tasks: () => readonly Readonly<TaskState>[];
  readonly docker: TaskEndpointDeps['docker'];
  readonly availabilityZone: string;
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
    credentials: new TaskCredentialsCache({
      fetch: (request: GetTaskCredentialsRequest) =>
        options.client.call<GetTaskCredentialsResponse>(
          `${AGENT_TARGET_PREFIX}.GetTaskCredentials`,
          request,
          CREDENTIALS_CALL_TIMEOUT_MS,
        ),
      containerInstanceArn: options.containerInstanceArn,
      now: Date.now,
    }),
    docker: options.docker,
    availabilityZone: options.availabilityZone,
    log: options.log,
  });
