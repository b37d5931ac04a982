/**
 * The Berth agent: registers this host as a container instance, long-polls its desired tasks,
 * drives them through the task engine and reports what it observes. It talks to the control
 * plane only over the agent protocol, and owns nothing but its host.
 */
import {
  AGENT_TARGET_PREFIX,
  toWireResources,
  type ContainerInstance,
  type PollDesiredTasksResponse,
  type RegisterContainerInstanceRequest,
  type RegisterManagedHostRequest,
  type RegisterManagedHostResponse,
  type TaskReport,
} from '@berth/core';

import type { EngineConfig } from './engine/index.js';
import { TaskEngine } from './engine/index.js';
import { hostAttributes, hostResources, type HostFactsConfig } from './host/host-facts.js';
import { DockerRuntime } from './runtime/docker/index.js';
import { Backoff, sleep } from './session/backoff.js';
import {
  ControlPlaneClient,
  ControlPlaneError,
  type AgentCredentials,
} from './session/control-plane-client.js';
import { ReportQueue } from './session/report-queue.js';
import { loadIdentity, saveIdentity, type AgentIdentity } from './state/agent-identity.js';

export const AGENT_VERSION = '1.0.0-berth';
const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
const POLL_WAIT_SECONDS = 20;
const CALL_TIMEOUT_MS = 30_000;

export interface AgentConfig {
  readonly endpoint: string;
  readonly credentials: AgentCredentials;
  readonly region: string;
  readonly cluster: string;
  /** Join the managed ("Fargate") pool instead of the cluster: run FARGATE tasks of every cluster. */
  readonly managed?: boolean;
  readonly stateDir: string;
  readonly host: HostFactsConfig;
  readonly engine: EngineConfig;
  readonly dockerSocket?: string;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

export class Agent {
  private readonly client: ControlPlaneClient;
  private readonly reports = new ReportQueue();
  private readonly stopping = new AbortController();
  private identity: AgentIdentity;
  private engine: TaskEngine | undefined;
  private loops: Promise<void>[] = [];

  constructor(private readonly config: AgentConfig) {
    this.client = new ControlPlaneClient(config.endpoint, config.credentials, config.region);
    this.identity = loadIdentity(config.stateDir);
  }

  get containerInstanceArn(): string | undefined {
    return this.identity.containerInstanceArn;
  }

  /**
   * Registers (retrying until the control plane answers), recovers containers, starts the loops.
   * Returns the container instance ARN, or the managed host's ARN.
   */
  async start(): Promise<string> {
    const arn = await this.registerWithRetry();
    this.engine = new TaskEngine({
      runtime: new DockerRuntime(this.config.dockerSocket ? { socketPath: this.config.dockerSocket } : {}),
      containerInstanceArn: arn,
      clusterArn: this.identity.clusterArn ?? '',
      config: this.config.engine,
      report: (report) => this.reports.push(report),
      now: Date.now,
      log: (message, fields) => this.config.log(message, { ...fields }),
    });
    await this.engine.recover();
    this.loops = [this.pollLoop(), this.reportLoop()];
    this.config.log(this.config.managed ? 'managed host registered' : 'agent registered', {
      arn,
      ...(this.identity.clusterArn ? { cluster: this.identity.clusterArn } : {}),
    });
    return arn;
  }

  /** Stops the loops; with stopTasks, also stops and removes every container this agent started. */
  async stop(options: { stopTasks: boolean }): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.loops);
    await this.engine?.shutdown({ stopTasks: options.stopTasks });
  }

  private async registerWithRetry(): Promise<string> {
    const backoff = new Backoff();
    for (;;) {
      try {
        return await this.register();
      } catch (error) {
        if (this.stopping.signal.aborted) throw error;
        this.config.log('registration failed; retrying', { error: String(error) });
        await sleep(backoff.next(), this.stopping.signal);
      }
    }
  }

  private register(): Promise<string> {
    return this.config.managed ? this.registerManagedHost() : this.registerInstance();
  }

  private async registerManagedHost(): Promise<string> {
    const request: RegisterManagedHostRequest = {
      totalResources: toWireResources(hostResources(this.config.host)),
      attributes: hostAttributes(this.config.host),
      ...(this.identity.containerInstanceArn ? { hostArn: this.identity.containerInstanceArn } : {}),
    };
    const { hostArn } = await this.client.call<RegisterManagedHostResponse>(
      `${AGENT_TARGET_PREFIX}.RegisterManagedHost`,
      request,
      CALL_TIMEOUT_MS,
    );
    this.identity = { instanceId: this.identity.instanceId, containerInstanceArn: hostArn };
    saveIdentity(this.config.stateDir, this.identity);
    return hostArn;
  }

  private async registerInstance(): Promise<string> {
    const request: RegisterContainerInstanceRequest = {
      cluster: this.config.cluster,
      totalResources: toWireResources(hostResources(this.config.host)),
      attributes: hostAttributes(this.config.host),
      versionInfo: {
        agentVersion: AGENT_VERSION,
        agentHash: 'berth',
        dockerVersion: 'DockerVersion: unknown',
      },
      instanceIdentityDocument: JSON.stringify({
        instanceId: this.identity.instanceId,
        availabilityZone: this.config.host.availabilityZone,
        instanceType: this.config.host.instanceType,
      }),
      ...(this.identity.containerInstanceArn
        ? { containerInstanceArn: this.identity.containerInstanceArn }
        : {}),
    };
    const { containerInstance } = await this.client.call<{ containerInstance: ContainerInstance }>(
      `${ECS_TARGET}.RegisterContainerInstance`,
      request,
      CALL_TIMEOUT_MS,
    );
    const arn = containerInstance.containerInstanceArn ?? '';
    const clusterArn = arn.replace(/:container-instance\/([^/]+)\/.*$/, ':cluster/$1');
    this.identity = { ...this.identity, containerInstanceArn: arn, clusterArn };
    saveIdentity(this.config.stateDir, this.identity);
    return arn;
  }

  private async pollLoop(): Promise<void> {
    const backoff = new Backoff();
    let knownSeq = -1;
    while (!this.stopping.signal.aborted) {
      try {
        const response = await this.client.call<PollDesiredTasksResponse>(
          `${AGENT_TARGET_PREFIX}.PollDesiredTasks`,
          {
            cluster: this.identity.clusterArn,
            containerInstanceArn: this.identity.containerInstanceArn,
            knownSeq,
            waitSeconds: knownSeq < 0 ? 0 : POLL_WAIT_SECONDS,
          },
          (POLL_WAIT_SECONDS + 10) * 1000,
          this.stopping.signal,
        );
        if (this.stopping.signal.aborted) return;
        if (knownSeq < 0) for (const report of this.engine?.observed() ?? []) this.reports.push(report);
        knownSeq = response.seq;
        this.engine?.applyDesired(response.tasks);
        backoff.reset();
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        knownSeq = -1;
        this.config.log('poll failed; retrying', { error: String(error) });
        if (error instanceof ControlPlaneError && error.code === 'InvalidParameterException') {
          await this.reregister();
        }
        await sleep(backoff.next(), this.stopping.signal);
      }
    }
  }

  /** The control plane no longer knows this instance (e.g. its state was in memory): register anew. */
  private async reregister(): Promise<void> {
    try {
      await this.register();
    } catch (error) {
      this.config.log('re-registration failed', { error: String(error) });
    }
  }

  private async reportLoop(): Promise<void> {
    const backoff = new Backoff();
    while (!this.stopping.signal.aborted) {
      await this.reports.waitForReports(this.stopping.signal);
      const batch: TaskReport[] = this.reports.drain();
      if (batch.length === 0) continue;
      try {
        await this.client.call(
          `${AGENT_TARGET_PREFIX}.ReportTaskState`,
          { containerInstanceArn: this.identity.containerInstanceArn, tasks: batch },
          CALL_TIMEOUT_MS,
        );
        backoff.reset();
      } catch (error) {
        this.reports.restore(batch);
        this.config.log('report failed; retrying', { error: String(error) });
        await sleep(backoff.next(), this.stopping.signal);
      }
    }
  }
}
