/**
 * Turns a container's image reference into what Docker pulls: registry images (see
 * image-reference.ts) are rewritten to the host Docker reaches Berth's registry at — directly, or
 * through a loopback forwarder — with the agent's registry token as Docker credentials when the
 * task may use them. Every other image is pulled exactly as written, with no token call.
 */
import type { DesiredTask } from '@berth/wire/agent';

import type { RegistryAuth } from '../runtime/container-runtime.js';
import { registryCandidate } from './image-reference.js';
import { TcpForwarder, type ForwardTarget } from '../net/tcp-forwarder.js';
import { pullsWithCredentials } from './pull-credentials.js';
import type { PullHost } from './pull-host.js';
import type { RegistryCredentials } from './registry-credentials.js';
import { planRegistryPull } from './registry-pull-plan.js';

/** What Docker pulls (and creates the container from), and with which credentials. */
export interface ImagePull {
  readonly reference: string;
  readonly auth?: RegistryAuth;
}

export interface ImageResolver {
  resolve(image: string, task: Pick<DesiredTask, 'launchType' | 'executionRoleArn'>): Promise<ImagePull>;
}

/** The forwarder's face the resolver needs (a fake stands in for tests). */
export interface Forwarder {
  port(): Promise<number>;
  close(): Promise<void>;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface RegistryImagesOptions {
  /** The control plane's URL (`--endpoint`). */
  readonly endpoint: string;
  /** The agent's region: the region a reference without one is asked about. */
  readonly region: string;
  readonly credentials: RegistryCredentials;
  readonly log: Log;
  readonly forwarderFor?: (target: ForwardTarget, log: Log) => Forwarder;
}

export class RegistryImages implements ImageResolver {
  private readonly forwarders = new Map<string, Forwarder>();
  private closed = false;

  constructor(private readonly options: RegistryImagesOptions) {}

  async resolve(
    image: string,
    task: Pick<DesiredTask, 'launchType' | 'executionRoleArn'>,
  ): Promise<ImagePull> {
    const candidate = registryCandidate(image, this.options.region);
    if (!candidate) return { reference: image };
    const token = await this.options.credentials.get(
      candidate.region,
      candidate.kind === 'aws' ? candidate.registryId : undefined,
    );
    const plan = planRegistryPull({
      candidate,
      token,
      endpoint: this.options.endpoint,
      withCredentials: pullsWithCredentials(task),
    });
    if (plan.kind === 'as-is') return { reference: image };
    const host = await this.hostFor(plan.pullHost);
    return {
      reference: `${host}/${plan.path}`,
      ...(plan.credentials ? { auth: { ...plan.credentials, serveraddress: host } } : {}),
    };
  }

  /** Closes the forwarders (on agent stop). */
  async close(): Promise<void> {
    this.closed = true;
    const forwarders = [...this.forwarders.values()];
    this.forwarders.clear();
    await Promise.all(forwarders.map((f) => f.close()));
  }

  private async hostFor(pullHost: PullHost): Promise<string> {
    if (pullHost.kind === 'direct') return pullHost.host;
    if (this.closed) throw new Error('the agent is stopping');
    const key = `${pullHost.hostname}:${pullHost.port}`;
    let forwarder = this.forwarders.get(key);
    if (!forwarder) {
      const target = { hostname: pullHost.hostname, port: pullHost.port };
      forwarder = (this.options.forwarderFor ?? newForwarder)(target, this.options.log);
      this.forwarders.set(key, forwarder);
    }
    return `127.0.0.1:${await forwarder.port()}`;
  }
}

const newForwarder = (target: ForwardTarget, log: Log): Forwarder => new TcpForwarder(target, log);
