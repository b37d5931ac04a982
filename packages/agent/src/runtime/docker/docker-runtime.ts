import Dockerode from 'dockerode';

import type {
  ContainerInspection,
  ContainerRuntime,
  ContainerStatsReading,
  ContainerSpec,
  EnsuredImage,
  EventSubscription,
  ImageCommand,
  ReadLogsOptions,
  ImageImport,
  ImagePullBehavior,
  OwnedContainer,
  OwnedVolume,
  PullOptions,
  RuntimeEvent,
  RuntimeLogLine,
  VolumeSpec,
} from '../container-runtime.js';
import {
  isOwnedBy,
  LABELS,
  MANAGED_LABEL_FILTER,
  ownerLabelFilters,
  ownerLabels,
} from '../ownership-labels.js';
import { RuntimeError, type RuntimeErrorName } from '../runtime-error.js';
import { dockerCall } from './docker-call.js';
import { dockerCreateOptions } from './docker-create-options.js';
import { DockerDocuments } from './docker-documents.js';
import { DockerEventStream } from './docker-events.js';
import { DockerImages } from './docker-images.js';
import { readDockerLogs } from './docker-logs.js';
import { toInspection } from './docker-inspection.js';
import { toStatsReading, type DockerStatsDocument } from './docker-stats.js';
import { DOCKER_TIMEOUTS } from './docker-timeouts.js';
import { DockerVolumes } from './docker-volumes.js';

export interface DockerRuntimeOptions {
  /** The daemon's socket; default DOCKER_HOST or /var/run/docker.sock. */
  readonly socketPath?: string;
  /** A ready client (tests); wins over `socketPath`. */
  readonly docker?: Dockerode;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** dockerode's typings omit the abort signal its `stats` takes. */
type StatsCall = (options: {
  stream: false;
  'one-shot': true;
  abortSignal: AbortSignal;
}) => Promise<DockerStatsDocument>;

/** dockerode's typings omit the options (abort signal) its `info` takes. */
type InfoCall = (options: { abortSignal: AbortSignal }) => Promise<{ CgroupDriver?: unknown }>;

const statusOf = (error: unknown): unknown => (error as { statusCode?: unknown } | null)?.statusCode;

/** Tolerates the given HTTP statuses (e.g. 304 "already stopped") as success. */
const tolerating = async (statuses: readonly number[], work: () => Promise<unknown>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!statuses.includes(statusOf(error) as number)) throw error;
  }
};

const clientFor = (options: DockerRuntimeOptions): Dockerode =>
  options.docker ??
  (options.socketPath === undefined ? new Dockerode() : new Dockerode({ socketPath: options.socketPath }));

/** ContainerRuntime over the Docker Engine API (dockerode); every call has a deadline. */
export class DockerRuntime implements ContainerRuntime {
  private readonly docker: Dockerode;
  private readonly images: DockerImages;
  private readonly volumes: DockerVolumes;
  /** Container id → the owner its labels name (proven by create, list or inspect). */
  private readonly owners = new Map<string, string>();
  private readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** Docker's raw documents (the task metadata endpoint shows them). */
  readonly documents: DockerDocuments;

  constructor(options: DockerRuntimeOptions = {}) {
    this.docker = clientFor(options);
    this.documents = new DockerDocuments(this.docker);
    this.images = new DockerImages(this.docker);
    this.volumes = new DockerVolumes(this.docker);
    this.log = options.log ?? (() => undefined);
  }

  ensureImage(image: string, behavior: ImagePullBehavior, options: PullOptions = {}): Promise<EnsuredImage> {
    return this.images.ensure(image, behavior, options);
  }

  hasImage(image: string): Promise<boolean> {
    return this.images.has(image);
  }

  imageCommand(image: string): Promise<ImageCommand> {
    return this.images.command(image);
  }

  importImage(source: ImageImport): Promise<void> {
    return this.images.import(source);
  }

  async createContainer(owner: string, spec: ContainerSpec): Promise<string> {
    const labels = { ...spec.labels, ...ownerLabels(owner) };
    const container = await dockerCall(
      { op: 'create', errorName: 'CannotCreateContainerError' },
      (abortSignal) =>
        this.docker.createContainer({ ...dockerCreateOptions({ ...spec, labels }), abortSignal }),
    );
    this.owners.set(container.id, owner);
    return container.id;
  }

  async startContainer(owner: string, id: string): Promise<void> {
    if (!(await this.isOwned(owner, id, 'CannotStartContainerError'))) {
      throw new RuntimeError('CannotStartContainerError', `No such container: ${id}`, { statusCode: 404 });
    }
    await dockerCall({ op: 'start', errorName: 'CannotStartContainerError' }, (abortSignal) =>
      tolerating([304], () => this.docker.getContainer(id).start({ abortSignal })),
    );
  }

  async stopContainer(owner: string, id: string, timeoutSeconds: number): Promise<void> {
    if (!(await this.isOwned(owner, id, 'CannotStopContainerError'))) return;
    const timeoutMs = timeoutSeconds * 1000 + DOCKER_TIMEOUTS.stopGrace;
    await dockerCall({ op: 'stopGrace', errorName: 'CannotStopContainerError', timeoutMs }, (abortSignal) =>
      tolerating([304, 404], () => this.docker.getContainer(id).stop({ t: timeoutSeconds, abortSignal })),
    );
  }

  async killContainer(owner: string, id: string, signal = 'SIGKILL'): Promise<void> {
    if (!(await this.isOwned(owner, id, 'CannotStopContainerError'))) return;
    await dockerCall({ op: 'kill', errorName: 'CannotStopContainerError' }, (abortSignal) =>
      tolerating([404, 409], () => this.docker.getContainer(id).kill({ signal, abortSignal })),
    );
  }

  async removeContainer(owner: string, id: string): Promise<void> {
    if (!(await this.isOwned(owner, id, 'CannotRemoveContainerError'))) return;
    await dockerCall({ op: 'remove', errorName: 'CannotRemoveContainerError' }, (abortSignal) =>
      tolerating([404], () => this.docker.getContainer(id).remove({ force: true, v: true, abortSignal })),
    );
    this.owners.delete(id);
  }

  async inspectContainer(idOrName: string): Promise<ContainerInspection | undefined> {
    const inspection = await dockerCall(
      { op: 'inspect', errorName: 'CannotInspectContainerError' },
      async (abortSignal) => {
        try {
          return toInspection(await this.docker.getContainer(idOrName).inspect({ abortSignal }));
        } catch (error) {
          if (statusOf(error) === 404) return undefined;
          throw error;
        }
      },
    );
    const owner = inspection?.labels[LABELS.containerInstance];
    if (inspection && owner !== undefined && isOwnedBy(inspection.labels, owner))
      this.owners.set(inspection.id, owner);
    return inspection;
  }

  async containerStats(id: string): Promise<ContainerStatsReading | undefined> {
    const container = this.docker.getContainer(id);
    const stats = container.stats.bind(container) as unknown as StatsCall;
    return dockerCall({ op: 'stats', errorName: 'CannotInspectContainerError' }, async (abortSignal) => {
      try {
        return toStatsReading(await stats({ stream: false, 'one-shot': true, abortSignal }));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  async listOwnedContainers(owner: string, taskArn?: string): Promise<OwnedContainer[]> {
    const labels = [...ownerLabelFilters(owner), ...(taskArn ? [`${LABELS.taskArn}=${taskArn}`] : [])];
    const owned = (await this.listContainers(labels)).filter((c) => isOwnedBy(c.labels, owner));
    for (const c of owned) this.owners.set(c.id, owner);
    return owned;
  }

  listManagedContainers(): Promise<OwnedContainer[]> {
    return this.listContainers([MANAGED_LABEL_FILTER]);
  }

  async boundHostIps(): Promise<Set<string>> {
    const list = await dockerCall({ op: 'list', errorName: 'CannotListContainersError' }, (abortSignal) =>
      this.docker.listContainers({ all: false, abortSignal }),
    );
    return new Set(list.flatMap((c) => (c.Ports ?? []).flatMap((p) => (p.IP ? [p.IP] : []))));
  }

  ensureVolume(owner: string, spec: VolumeSpec): Promise<void> {
    return this.volumes.ensure(owner, spec);
  }

  hasVolume(name: string): Promise<boolean> {
    return this.volumes.has(name);
  }

  removeVolume(owner: string, name: string): Promise<void> {
    return this.volumes.remove(owner, name);
  }

  listOwnedVolumes(owner: string): Promise<OwnedVolume[]> {
    return this.volumes.listOwned(owner);
  }

  listManagedVolumes(): Promise<OwnedVolume[]> {
    return this.volumes.listManaged();
  }

  async cgroupDriver(): Promise<string> {
    const info = this.docker.info.bind(this.docker) as unknown as InfoCall;
    const { CgroupDriver: driver } = await dockerCall(
      { op: 'info', errorName: 'ResourceInitializationError' },
      (abortSignal) => info({ abortSignal }),
    );
    return typeof driver === 'string' ? driver : 'unknown';
  }

  readLogs(id: string, options: ReadLogsOptions): Promise<AsyncIterable<RuntimeLogLine>> {
    return readDockerLogs(this.docker, id, options);
  }

  watchEvents(owner: string, onEvent: (event: RuntimeEvent) => void): EventSubscription {
    const stream = new DockerEventStream(this.docker, ownerLabelFilters(owner), onEvent, (error) =>
      this.log('docker event stream interrupted; reconnecting', { error: String(error) }),
    );
    stream.start();
    return stream;
  }

  private async listContainers(labels: readonly string[]): Promise<OwnedContainer[]> {
    const list = await dockerCall({ op: 'list', errorName: 'CannotListContainersError' }, (abortSignal) =>
      this.docker.listContainers({ all: true, filters: { label: [...labels] }, abortSignal }),
    );
    return list.map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      labels: c.Labels,
      state: c.State,
    }));
  }

  /**
   * Proves `id` belongs to `owner` before a destructive call. False when the container no longer
   * exists; throws when it exists but is not the owner's.
   */
  private async isOwned(owner: string, id: string, errorName: RuntimeErrorName): Promise<boolean> {
    if (this.owners.get(id) === owner) return true;
    const inspection = await this.inspectContainer(id);
    if (!inspection) return false;
    if (!isOwnedBy(inspection.labels, owner)) {
      throw new RuntimeError(errorName, `refusing to touch container ${id}: not owned by ${owner}`);
    }
    return true;
  }
}
