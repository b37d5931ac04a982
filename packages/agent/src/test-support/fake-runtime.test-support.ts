/**
 * An in-memory ContainerRuntime for engine tests that need no Docker: images are "pulled" by a
 * rule the test sets, containers run until stopped. It records every ensureImage and create.
 */
import type {
  ContainerInspection,
  ContainerRuntime,
  ContainerSpec,
  ContainerStatsReading,
  EnsuredImage,
  EventSubscription,
  ImageCommand,
  ImagePullBehavior,
  OwnedContainer,
  OwnedVolume,
  PullOptions,
  RuntimeEvent,
  RuntimeLogLine,
} from '../runtime/container-runtime.js';
import { isOwnedBy, LABELS, ownerLabels } from '../runtime/ownership-labels.js';
import { RuntimeError } from '../runtime/runtime-error.js';

export interface RecordedPull {
  readonly image: string;
  readonly behavior: ImagePullBehavior;
  readonly options: PullOptions;
}

interface FakeContainer {
  readonly id: string;
  readonly spec: ContainerSpec;
  readonly labels: Record<string, string>;
  state: 'created' | 'running' | 'exited';
  exitCode: number;
  startedAt?: number;
  finishedAt?: number;
}

/** Decides one pull: the digest it yields, or a Docker message the pull fails with. */
export type PullRule = (image: string, options: PullOptions) => { digest: string } | { refused: string };

export class FakeRuntime implements ContainerRuntime {
  readonly pulls: RecordedPull[] = [];
  readonly created: ContainerSpec[] = [];
  pullRule: PullRule = () => ({ digest: `sha256:${'0'.repeat(64)}` });
  /** Which images the host holds already (hasImage). */
  cached: (image: string) => boolean = () => true;
  private readonly containers = new Map<string, FakeContainer>();
  private readonly watchers = new Set<(event: RuntimeEvent) => void>();
  private nextId = 1;

  ensureImage(image: string, behavior: ImagePullBehavior, options: PullOptions = {}): Promise<EnsuredImage> {
    this.pulls.push({ image, behavior, options });
    const result = this.pullRule(image, options);
    if ('refused' in result)
      return Promise.reject(
        new RuntimeError('CannotPullContainerError', `Error response from daemon: ${result.refused}`, {
          statusCode: 500,
        }),
      );
    return Promise.resolve({ imageId: `sha256:${image.length}`, digest: result.digest, pulled: true });
  }

  hasImage(image: string): Promise<boolean> {
    return Promise.resolve(this.cached(image));
  }

  /** What imageCommand answers for every image. */
  imageConfig: ImageCommand = { entrypoint: [], cmd: ['sh'] };

  imageCommand(): Promise<ImageCommand> {
    return Promise.resolve(this.imageConfig);
  }

  importImage(): Promise<void> {
    return Promise.resolve();
  }

  createContainer(owner: string, spec: ContainerSpec): Promise<string> {
    const id = `fake-${this.nextId++}`;
    this.created.push(spec);
    const labels = { ...spec.labels, ...ownerLabels(owner) };
    this.containers.set(id, { id, spec, labels, state: 'created', exitCode: 0 });
    return Promise.resolve(id);
  }

  startContainer(_owner: string, id: string): Promise<void> {
    const c = this.containers.get(id);
    if (!c) return Promise.reject(new RuntimeError('CannotStartContainerError', `No such container: ${id}`));
    c.state = 'running';
    c.startedAt = Date.now();
    this.emit('start', c);
    return Promise.resolve();
  }

  stopContainer(_owner: string, id: string): Promise<void> {
    return this.exit(id, 143);
  }

  killContainer(_owner: string, id: string): Promise<void> {
    return this.exit(id, 137);
  }

  removeContainer(_owner: string, id: string): Promise<void> {
    this.containers.delete(id);
    return Promise.resolve();
  }

  inspectContainer(idOrName: string): Promise<ContainerInspection | undefined> {
    const c = [...this.containers.values()].find((x) => x.id === idOrName || x.spec.name === idOrName);
    if (!c) return Promise.resolve(undefined);
    return Promise.resolve({
      id: c.id,
      name: c.spec.name,
      labels: c.labels,
      imageId: `sha256:${c.spec.image.length}`,
      state: c.state,
      exitCode: c.exitCode,
      oomKilled: false,
      error: '',
      ...(c.startedAt === undefined ? {} : { startedAt: c.startedAt }),
      ...(c.finishedAt === undefined ? {} : { finishedAt: c.finishedAt }),
      ports: [],
    });
  }

  containerStats(): Promise<ContainerStatsReading | undefined> {
    return Promise.resolve(undefined);
  }

  listOwnedContainers(owner: string, taskArn?: string): Promise<OwnedContainer[]> {
    return Promise.resolve(
      this.list().filter(
        (c) => isOwnedBy(c.labels, owner) && (taskArn === undefined || c.labels[LABELS.taskArn] === taskArn),
      ),
    );
  }

  listManagedContainers(): Promise<OwnedContainer[]> {
    return Promise.resolve(this.list());
  }

  boundHostIps(): Promise<Set<string>> {
    return Promise.resolve(new Set());
  }

  ensureVolume(): Promise<void> {
    return Promise.resolve();
  }

  hasVolume(): Promise<boolean> {
    return Promise.resolve(true);
  }

  removeVolume(): Promise<void> {
    return Promise.resolve();
  }

  listOwnedVolumes(): Promise<OwnedVolume[]> {
    return Promise.resolve([]);
  }

  listManagedVolumes(): Promise<OwnedVolume[]> {
    return Promise.resolve([]);
  }

  cgroupDriver(): Promise<string> {
    return Promise.resolve('none');
  }

  readLogs(): Promise<AsyncIterable<RuntimeLogLine>> {
    return Promise.resolve((async function* () {})());
  }

  watchEvents(_owner: string, onEvent: (event: RuntimeEvent) => void): EventSubscription {
    this.watchers.add(onEvent);
    return { close: () => this.watchers.delete(onEvent) };
  }

  private exit(id: string, code: number): Promise<void> {
    const c = this.containers.get(id);
    if (c && c.state === 'running') {
      c.state = 'exited';
      c.exitCode = code;
      c.finishedAt = Date.now();
      this.emit('die', c);
    }
    return Promise.resolve();
  }

  private list(): OwnedContainer[] {
    return [...this.containers.values()].map((c) => ({
      id: c.id,
      name: c.spec.name,
      labels: c.labels,
      state: c.state,
    }));
  }

  private emit(type: RuntimeEvent['type'], c: FakeContainer): void {
    for (const watcher of this.watchers) watcher({ type, containerId: c.id, labels: c.labels });
  }
}
