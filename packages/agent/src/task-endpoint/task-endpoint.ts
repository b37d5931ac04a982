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
import { loadEndpointPorts, saveEndpointPorts } from './endpoint-ports.js';
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
  /** The agent's awsvpc address block (shown as the task's subnet). */
  readonly subnetCidr?: string;
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

  /**
   * Prepares the address, listens, and resolves to where containers reach it. A port configured as
   * 0 is the one this agent had before its restart when that one is free again, else any free one.
   */
  async start(): Promise<EndpointLocation> {
    const { config, log, stateDir } = this.deps;
    const address = await prepareEndpointAddress(config.address ?? TASK_ENDPOINT_DEFAULTS.address, {
      bridgeGateway: () => this.deps.docker.bridgeGateway(),
      log,
      ...(this.deps.ip === undefined ? {} : { ip: this.deps.ip }),
    });
    const previous = loadEndpointPorts(stateDir);
    const port = await this.listenServer(address, config.port ?? TASK_ENDPOINT_DEFAULTS.port, previous?.port);
    const forwarderPort = await this.listenForwarder(
      address,
      config.forwarderPort ?? TASK_ENDPOINT_DEFAULTS.forwarderPort,
      previous?.forwarderPort,
    );
    this.location = { address, port, forwarderPort };
    saveEndpointPorts(stateDir, { port, forwarderPort });
    log('task endpoint listening', { ...this.location });
    return this.location;
  }

  private async listenServer(
    address: string,
    configured: number,
    previous: number | undefined,
  ): Promise<number> {
    if (configured !== 0 || previous === undefined) return this.server.listen(address, configured);
    try {
      return await this.server.listen(address, previous);
    } catch (error) {
      this.deps.log(
        "the task endpoint's previous port is taken; containers started before the restart lose it",
        {
          port: previous,
          error: String(error),
        },
      );
      return this.server.listen(address, 0);
    }
  }

  private async listenForwarder(
    address: string,
    configured: number,
    previous: number | undefined,
  ): Promise<number> {
    const forwarder = (port: number): TcpForwarder =>
      new TcpForwarder(this.deps.api, this.deps.log, {
        host: address,
        port,
        name: 'API forwarder',
        clientSide: 'container',
      });
    if (configured === 0 && previous !== undefined) {
      this.forwarder = forwarder(previous);
      try {
        return await this.forwarder.port();
      } catch (error) {
        await this.forwarder.close();
        this.deps.log(
          "the API forwarder's previous port is taken; containers started before the restart lose it",
          {
            port: previous,
            error: String(error),
          },
        );
      }
    }
    this.forwarder = forwarder(configured);
    return this.forwarder.port();
  }

  envFor(task: DesiredTask, containerName: string): Readonly<Record<string, string>> {
    return this.location ? endpointEnv(this.location, this.tokens, task, containerName) : {};
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.forwarder?.close()]);
  }
}
