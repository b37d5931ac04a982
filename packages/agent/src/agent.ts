/**
 * The Berth agent: registers this host as a container instance, long-polls its desired tasks,
 * drives them through the task engine and reports what it observes. It talks to the control
 * plane only over the agent protocol, and owns nothing but its host.
 */
import { toWireResources } from '@berth/core';
import type { Attribute, ContainerInstance, RegisterContainerInstanceRequest } from '@berth/wire/ecs';
import {
  AGENT_TARGET_PREFIX,
  type PollDesiredTasksResponse,
  type RegisterManagedHostRequest,
  type RegisterManagedHostResponse,
  type SubmitTaskStatsRequest,
  type TaskReport,
  type TaskStatsSample,
} from '@berth/wire/agent';

import { controlPlaneCredentials } from './credentials/control-plane-credentials.js';
import type { TaskCredentialSource } from './credentials/task-credential-source.js';
import { EcrClient, RegistryCredentials, RegistryImages } from './ecr/index.js';
import type { EngineConfig } from './engine/index.js';
import { TaskEngine } from './engine/index.js';
import type { UlimitPolicy } from './engine/ulimit-grants.js';
import type { AddressBlock } from './host/address-block.js';
import { claimAddressBlock } from './host/address-claim.js';
import { hostAttributes, hostResources, ulimitAttributes, type HostFactsConfig } from './host/host-facts.js';
import { defaultRunDir, HostRegistry } from './host/host-registry.js';
import { findLeftovers } from './host/leftovers.js';
import { TaskAddresses } from './host/task-addresses.js';
import { readUlimitCeilings } from './host/ulimit-ceilings.js';
import { CloudWatchLogsClient } from './logs/logs-client.js';
import { LogShipping } from './logs/log-shipping.js';
import { DockerRuntime } from './runtime/docker/index.js';
import {
  agentSecretsRoot,
  ControlPlaneSecretStore,
  DEFAULT_BUSYBOX,
  SecretFiles,
  SecretInjection,
} from './secrets/index.js';
import { Backoff, sleep } from './session/backoff.js';
import {
  ControlPlaneClient,
  ControlPlaneError,
  type AgentCredentials,
} from './session/control-plane-client.js';
import { ReportQueue } from './session/report-queue.js';
import { loadIdentity, saveIdentity, type AgentIdentity } from './state/agent-identity.js';
import {
  runningTasks,
  runStatsLoop,
  statsIntervalMs,
  TaskStatsSampler,
  type StatsConfig,
} from './stats/index.js';
import { agentTaskEndpoint, type TaskEndpoint, type TaskEndpointConfig } from './task-endpoint/index.js';

export const AGENT_VERSION = '1.0.0-berth';
const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
const POLL_WAIT_SECONDS = 20;
const CALL_TIMEOUT_MS = 30_000;
/** A stats round not taken within this is dropped, well before the next round is due. */
const STATS_CALL_TIMEOUT_MS = 10_000;

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
  /** How often RUNNING tasks are sampled for the AWS/ECS utilization metrics. */
  readonly stats?: StatsConfig;
  readonly dockerSocket?: string;
  /** `--awsvpc-cidr`: the block awsvpc task addresses come from (default: a free /22 of 127.1.0.0/16). */
  readonly awsvpcCidr?: string;
  /** `--strict-ulimits`: pass ulimits as given, failing tasks the host cannot grant them to. */
  readonly strictUlimits?: boolean;
  /** The host registry's directory (default: BERTH_RUN_DIR, /run/berth or <tmpdir>/berth-run). */
  readonly runDir?: string;
  /** The task metadata and credentials endpoint (address 169.254.170.2, ports any free one by default). */
  readonly taskEndpoint?: TaskEndpointConfig;
  /** The host's static busybox, through which hidden variables reach a container; default /bin/busybox. */
  readonly busyboxPath?: string;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

export class Agent {
  private readonly client: ControlPlaneClient;
  private readonly reports = new ReportQueue();
  private readonly stopping = new AbortController();
  private readonly runtime: DockerRuntime;
  private readonly registry: HostRegistry;
  private readonly ulimits: UlimitPolicy;
  private readonly images: RegistryImages;
  /** Task roles' credentials (GetTaskCredentials, cached): the task endpoint serves the task role's. */
  private readonly taskCredentials: TaskCredentialSource;
  private secretFiles: SecretFiles | undefined;
  private identity: AgentIdentity;
  private engine: TaskEngine | undefined;
  private block: AddressBlock | undefined;
  private taskEndpoint: TaskEndpoint | undefined;
  private loops: Promise<void>[] = [];

  constructor(private readonly config: AgentConfig) {
    this.client = new ControlPlaneClient(config.endpoint, config.credentials, config.region);
    this.identity = loadIdentity(config.stateDir);
    this.runtime = new DockerRuntime(config.dockerSocket ? { socketPath: config.dockerSocket } : {});
    this.registry = new HostRegistry(config.runDir);
    this.ulimits = { ceilings: readUlimitCeilings(), strict: config.strictUlimits === true };
    this.images = this.registryImages();
    this.taskCredentials = controlPlaneCredentials(
      this.client,
      () => this.identity.containerInstanceArn ?? '',
    );
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
    this.block = claimAddressBlock(this.registry, arn, {
      ...(this.config.awsvpcCidr !== undefined ? { configured: this.config.awsvpcCidr } : {}),
      ...(this.identity.addressBlock !== undefined ? { previous: this.identity.addressBlock } : {}),
    });
    this.identity = { ...this.identity, addressBlock: this.block.cidr };
    saveIdentity(this.config.stateDir, this.identity);
    const taskEndpoint = this.newTaskEndpoint(this.block.cidr);
    this.taskEndpoint = taskEndpoint;
    await taskEndpoint.start();
    this.engine = new TaskEngine({
      runtime: this.runtime,
      containerInstanceArn: arn,
      clusterArn: this.identity.clusterArn ?? '',
      config: this.config.engine,
      report: (report) => this.reports.push(report),
      now: Date.now,
      log: (message, fields) => this.config.log(message, { ...fields }),
      addresses: new TaskAddresses(this.block, this.runtime),
      ulimits: this.ulimits,
      logs: this.logShipping(),
      images: this.images,
      taskEndpoint,
      taskGone: (taskArn) => this.taskCredentials.release(taskArn),
      secrets: this.secretInjection(arn),
    });
    await this.engine.recover();
    this.loops = [this.pollLoop(), this.reportLoop(), this.statsLoop()];
    this.config.log(this.config.managed ? 'managed host registered' : 'agent registered', {
      arn,
      ...(this.identity.clusterArn ? { cluster: this.identity.clusterArn } : {}),
      awsvpcAddresses: this.block.cidr,
    });
    await this.reportLeftovers();
    return arn;
  }

  /**
   * Stops the loops and gives the address block up; with stopTasks, first stops and removes every
   * container this agent started. Resolves to the number of tasks it stopped.
   */
  async stop(options: { stopTasks: boolean }): Promise<number> {
    this.stopping.abort();
    await Promise.allSettled(this.loops);
    const stopped = (await this.engine?.shutdown({ stopTasks: options.stopTasks })) ?? 0;
    // Every task stopped: no value is left for a container to start with.
    if (options.stopTasks) await this.secretFiles?.removeAll();
    await this.images.close();
    await this.taskEndpoint?.close();
    if (this.block && this.identity.containerInstanceArn)
      this.registry.release(this.block.cidr, this.engine?.owner ?? this.identity.containerInstanceArn);
    return stopped;
  }

  private newTaskEndpoint(subnetCidr: string): TaskEndpoint {
    return agentTaskEndpoint({
      config: this.config.taskEndpoint ?? {},
      endpoint: this.config.endpoint,
      credentials: this.taskCredentials,
      stateDir: this.config.stateDir,
      tasks: () => this.engine?.taskStates() ?? [],
      docker: this.runtime.documents,
      availabilityZone: this.config.host.availabilityZone,
      subnetCidr,
      log: (message, fields) => this.config.log(message, { ...fields }),
    });
  }

  /** The agent as awslogs driver: Logs calls go to the control plane's endpoint, signed for `logs`. */
  private logShipping(): LogShipping {
    const { endpoint, credentials } = this.config;
    return new LogShipping({
      runtime: this.runtime,
      stateDir: this.config.stateDir,
      logsFor: (region) =>
        new CloudWatchLogsClient(new ControlPlaneClient(endpoint, credentials, region, 'logs')),
      now: Date.now,
      log: (message, fields) => this.config.log(message, { ...fields }),
    });
  }

  /**
   * ECR images come from the control plane's registry: its address and Docker credentials come
   * from GetAuthorizationToken on the control plane's endpoint, signed for `ecr` in the image's region.
   */
  private registryImages(): RegistryImages {
    const { endpoint, credentials, region } = this.config;
    const log = (message: string, fields?: Record<string, unknown>): void =>
      this.config.log(message, { ...fields });
    const source = new EcrClient((r) => new ControlPlaneClient(endpoint, credentials, r, 'ecr'));
    return new RegistryImages({
      endpoint,
      region,
      credentials: new RegistryCredentials({ source, now: Date.now, log }),
      log,
    });
  }

  /**
   * Secrets Manager and SSM calls go to the control plane's endpoint, signed with the task
   * execution role's credentials; hidden values live in `<run dir>/secrets/<owner>` (a tmpfs
   * under /run), one directory per agent, since several agents may share a host.
   */
  private secretInjection(owner: string): SecretInjection {
    const { endpoint, region } = this.config;
    const files = new SecretFiles(agentSecretsRoot(this.config.runDir ?? defaultRunDir(), owner));
    this.secretFiles = files;
    return new SecretInjection({
      credentials: this.taskCredentials,
      store: new ControlPlaneSecretStore((c, r, name) => new ControlPlaneClient(endpoint, c, r, name)),
      files,
      busybox: this.config.busyboxPath ?? DEFAULT_BUSYBOX,
      region,
    });
  }

  /** Says what agents no longer running left on this host (`berth gc` removes it). */
  private async reportLeftovers(): Promise<void> {
    try {
      const left = await findLeftovers(this.runtime, this.registry);
      if (left.containers.length + left.volumes.length === 0) return;
      this.config.log(
        'Berth agents that are no longer running left containers on this host; `berth gc` removes them',
        {
          containers: left.containers.length,
          volumes: left.volumes.length,
          owners: left.owners,
        },
      );
    } catch (error) {
      this.config.log('could not look for leftover containers', { error: String(error) });
    }
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
      attributes: this.attributes(),
      ...(this.identity.containerInstanceArn ? { hostArn: this.identity.containerInstanceArn } : {}),
    };
    const { hostArn } = await this.client.call<RegisterManagedHostResponse>(
      `${AGENT_TARGET_PREFIX}.RegisterManagedHost`,
      request,
      CALL_TIMEOUT_MS,
    );
    this.identity = {
      instanceId: this.identity.instanceId,
      containerInstanceArn: hostArn,
      ...(this.identity.addressBlock !== undefined ? { addressBlock: this.identity.addressBlock } : {}),
    };
    saveIdentity(this.config.stateDir, this.identity);
    return hostArn;
  }

  private async registerInstance(): Promise<string> {
    const request: RegisterContainerInstanceRequest = {
      cluster: this.config.cluster,
      totalResources: toWireResources(hostResources(this.config.host)),
      attributes: this.attributes(),
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

  /** The host's attributes, with the ulimit ceilings it enforces (unless strict). */
  private attributes(): Attribute[] {
    return [...hostAttributes(this.config.host), ...ulimitAttributes(this.ulimits)];
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

  private statsLoop(): Promise<void> {
    return runStatsLoop({
      intervalMs: statsIntervalMs(this.config.stats),
      sampler: new TaskStatsSampler(this.runtime, Date.now, this.config.log),
      runningTasks: () => runningTasks(this.engine?.observed() ?? []),
      submit: (samples) => this.submitStats(samples),
      signal: this.stopping.signal,
      log: this.config.log,
    });
  }

  private async submitStats(samples: readonly TaskStatsSample[]): Promise<void> {
    const request: SubmitTaskStatsRequest = {
      containerInstanceArn: this.identity.containerInstanceArn ?? '',
      samples,
    };
    await this.client.call(
      `${AGENT_TARGET_PREFIX}.SubmitTaskStats`,
      request,
      STATS_CALL_TIMEOUT_MS,
      this.stopping.signal,
    );
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
