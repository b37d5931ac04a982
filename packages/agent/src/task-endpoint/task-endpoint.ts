/**
 * The agent's task endpoint: the metadata (v3, v4) and credentials server and the API forwarder
 * (to the control plane, so code in containers reaches Berth's APIs), both on the endpoint address
 * (169.254.170.2 by default, added to `lo`), each on its own port (default: any free one, so
 * several agents share a host). It hands the engine every container's environment.
 */
import type { DesiredTask } from '@berth/wire/agent';

import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import type { TaskEndpointEnv } from '../engine/task-endpoint-env.js';
import type { TaskState } from '../engine/task-state.js';
import { TcpForwarder, type ForwardTarget } from '../net/tcp-forwarder.js';
import { prepareEndpointAddress } from './endpoint-address.js';
import { endpointEnv, type EndpointLocation } from './endpoint-env.js';
import { EndpointTokens, loadEndpointSecret } from './endpoint-tokens.js';
import type { DockerDocumentSource } from './metadata-handler.js';
import { TaskEndpointServer } from './task-endpoint-server.js';

export interface TaskEndpointConfig {
  /** Default 169.254.170.2. */
  readonly address?: string;
  /** The metadata and credentials port; default 0 (any free port). */
  readonly port?: number;
  /** The API forwarder's port; default 0 (any free port). */
  readonly forwarderPort?: number;
}

export const TASK_ENDPOINT_DEFAULTS = { address: '169.254.170.2', port: 0, forwarderPort: 0 } as const;

export interface TaskEndpointDeps {
  readonly config: TaskEndpointConfig;
  /** Where the per-agent secret the tokens derive from is kept. */
  readonly stateDir: string;
  /** The control plane's API (the forwarder's target). */
  readonly api: ForwardTarget;
  readonly tasks: () => readonly Readonly<TaskState>[];
  readonly credentials: TaskCredentialSource;
  readonly docker: DockerDocumentSource & { bridgeGateway(): Promise<string | undefined> };
  readonly availabilityZone: string;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** Adds the address to `lo` (tests); default `ip addr add`. */
  readonly ip?: (args: readonly string[]) => Promise<void>;
}

export class TaskEndpoint implements TaskEndpointEnv {
  private readonly tokens: EndpointTokens;
  private readonly server: TaskEndpointServer;
  private forwarder: TcpForwarder | undefined;
  private location: EndpointLocation | undefined;

  constructor(private readonly deps: TaskEndpointDeps) {
    this.tokens = new EndpointTokens(loadEndpointSecret(deps.stateDir));
    this.server = new TaskEndpointServer({ ...deps, tokens: this.tokens });
  }

  /** Prepares the address, listens, and resolves to where containers reach it. */
  async start(): Promise<EndpointLocation> {
    const { config, log } = this.deps;
    const address = await prepareEndpointAddress(config.address ?? TASK_ENDPOINT_DEFAULTS.address, {
      bridgeGateway: () => this.deps.docker.bridgeGateway(),
      log,
      ...(this.deps.ip === undefined ? {} : { ip: this.deps.ip }),
    });
    const port = await this.server.listen(address, config.port ?? TASK_ENDPOINT_DEFAULTS.port);
    this.forwarder = new TcpForwarder(this.deps.api, log, {
      host: address,
      port: config.forwarderPort ?? TASK_ENDPOINT_DEFAULTS.forwarderPort,
      name: 'API forwarder',
      clientSide: 'container',
    });
    const forwarderPort = await this.forwarder.port();
    this.location = { address, port, forwarderPort };
    log('task endpoint listening', { ...this.location });
    return this.location;
  }

  envFor(task: DesiredTask, containerName: string): Readonly<Record<string, string>> {
    return this.location ? endpointEnv(this.location, this.tokens, task, containerName) : {};
  }

  /** A task left the agent: its credentials are forgotten. */
  taskGone(taskArn: string): void {
    this.deps.credentials.release(taskArn);
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.forwarder?.close()]);
  }
}
