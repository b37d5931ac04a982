/**
 * The container runtime seam (Nomad's driver-plugin idea): everything the task engine asks of a
 * container runtime, in runtime-neutral terms. The Docker implementation lives in `docker/`; a fake
 * can stand in for tests. Every method either resolves or rejects with a `RuntimeError` carrying an
 * ECS error name — none of them may hang (implementations bound every call with a timeout).
 *
 * Ownership: an implementation stamps the owner labels (`dev.berth.managed`, the container
 * instance) on everything it creates and refuses to stop, kill or remove what the owner does not own.
 */
import type { Readable } from 'node:stream';

/** ECS_IMAGE_PULL_BEHAVIOR. */
export type ImagePullBehavior = 'default' | 'always' | 'once' | 'prefer-cached';

/** Docker credentials for one registry (dockerode's `authconfig`, Docker's X-Registry-Auth). */
export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
  /** The registry's `host[:port]`, as the image reference spells it. */
  readonly serveraddress: string;
}

export interface PullOptions {
  /** Absent: pull anonymously. */
  readonly auth?: RegistryAuth;
}

/** What an image runs when the container names no entrypoint or command (its config's). */
export interface ImageCommand {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
}

export interface EnsuredImage {
  readonly imageId: string;
  /** The registry digest (`sha256:…`) when the image came from a registry. */
  readonly digest?: string;
  /** Whether this call pulled (false: the cached image was used). */
  readonly pulled: boolean;
}

export type NetworkAttachment =
  | { readonly mode: 'bridge' | 'host' | 'none' }
  | { readonly mode: 'container'; readonly containerId: string };

export type TransportProtocol = 'tcp' | 'udp';

export interface PortPublish {
  readonly containerPort: number;
  readonly protocol: TransportProtocol;
  readonly hostIp: string;
  /** Absent: the runtime picks a free (ephemeral) host port. */
  readonly hostPort?: number;
}

export interface PublishedPort {
  readonly containerPort: number;
  readonly protocol: TransportProtocol;
  readonly hostIp: string;
  readonly hostPort: number;
}

export interface DeviceMapping {
  readonly hostPath: string;
  readonly containerPath: string;
  /** cgroup permissions, e.g. `rwm`. */
  readonly permissions: string;
}

export interface UlimitSpec {
  readonly name: string;
  readonly soft: number;
  readonly hard: number;
}

/** A container health check; `test: ['NONE']` disables the image's own HEALTHCHECK. */
export interface HealthcheckSpec {
  readonly test: readonly string[];
  readonly intervalNs?: number;
  readonly timeoutNs?: number;
  readonly retries?: number;
  readonly startPeriodNs?: number;
}

export interface LogSpec {
  readonly driver: string;
  readonly options: Readonly<Record<string, string>>;
}

/** Everything needed to create one container. Sizes are bytes. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly entrypoint?: readonly string[];
  readonly command?: readonly string[];
  readonly env: readonly string[];
  readonly workingDir?: string;
  readonly user?: string;
  readonly hostname?: string;
  readonly network: NetworkAttachment;
  readonly ports: readonly PortPublish[];
  readonly links: readonly string[];
  readonly extraHosts: readonly string[];
  readonly dns: readonly string[];
  readonly dnsSearch: readonly string[];
  /** `source:target[:ro]`, source being a host path or a volume name. */
  readonly binds: readonly string[];
  /** `container[:ro]`. */
  readonly volumesFrom: readonly string[];
  readonly tmpfs: Readonly<Record<string, string>>;
  readonly devices: readonly DeviceMapping[];
  readonly cpuShares?: number;
  readonly memory?: number;
  readonly memoryReservation?: number;
  readonly memorySwap?: number;
  readonly memorySwappiness?: number;
  /** The cgroup the container's cgroup is created under, e.g. its task's `/berth/<taskId>`. */
  readonly cgroupParent?: string;
  readonly shmSize?: number;
  readonly ulimits: readonly UlimitSpec[];
  readonly sysctls: Readonly<Record<string, string>>;
  readonly capAdd: readonly string[];
  readonly capDrop: readonly string[];
  readonly privileged: boolean;
  readonly readonlyRootfs: boolean;
  readonly init: boolean;
  readonly securityOpt: readonly string[];
  readonly networkDisabled: boolean;
  readonly openStdin: boolean;
  readonly tty: boolean;
  readonly healthcheck: HealthcheckSpec;
  readonly log: LogSpec;
}

export type ContainerRunState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type RuntimeHealth = 'starting' | 'healthy' | 'unhealthy';

export interface ContainerInspection {
  readonly id: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly imageId: string;
  readonly state: ContainerRunState;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  readonly error: string;
  /** Epoch ms; absent when the container never started. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** Absent when the container has no health check. */
  readonly health?: RuntimeHealth;
  readonly ports: readonly PublishedPort[];
}

export interface OwnedContainer {
  readonly id: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly state: string;
}

export interface OwnedVolume {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface VolumeSpec {
  readonly name: string;
  readonly driver?: string;
  readonly driverOpts?: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

export type RuntimeEventType = 'start' | 'die' | 'oom' | 'health_status';

export interface RuntimeEvent {
  readonly type: RuntimeEventType;
  readonly containerId: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface EventSubscription {
  close(): void;
}

/** One message of a container's output: `<RFC3339Nano receive time> <text>`, as Docker sends it. */
export interface RuntimeLogLine {
  readonly stream: 'stdout' | 'stderr';
  readonly timestamped: string;
}

export interface ReadLogsOptions {
  /**
   * Keep the stream open for new lines until the container stops; false: end at what is logged now.
   * (Docker can end a follow stream before the last lines of a container that exits mid-burst, so a
   * follower that must miss nothing reads once more without it.)
   */
  readonly follow: boolean;
  /** Docker's `since=` (seconds with a nanosecond fraction, inclusive); absent: from the start. */
  readonly since?: string;
  /** Aborting it ends the iteration. */
  readonly signal: AbortSignal;
}

export interface ImageImport {
  /** `repo:tag`. */
  readonly tag: string;
  /** A tar of the root filesystem. */
  readonly tar: Readable;
  /** Dockerfile instructions applied on import, e.g. `CMD ["/pause"]`. */
  readonly changes: readonly string[];
}

/**
 * One reading of a container's cumulative counters (Docker's `stats`). CPU figures are nanoseconds
 * since some origin: only the difference between two readings of the same container means anything.
 */
export interface ContainerStatsReading {
  /** CPU time the container has used (cpu_stats.cpu_usage.total_usage). */
  readonly cpuTotalNs: number;
  /** CPU time of the whole host, all CPUs (cpu_stats.system_cpu_usage). */
  readonly systemCpuNs: number;
  readonly onlineCpus: number;
  /** Memory in use, page cache that can be dropped excluded (usage − inactive_file, or − total_cache). */
  readonly memoryUsedBytes: number;
}

/**
 * `owner` is a container instance ARN: what the runtime creates for an owner carries the owner
 * labels, and it lists, stops, kills or removes only what carries that owner's labels.
 */
export interface ContainerRuntime {
  /**
   * Makes `image` available locally according to `behavior`: the cache check, the pull (with
   * `options.auth`, if any) and the digest reported all use `image` as given.
   */
  ensureImage(image: string, behavior: ImagePullBehavior, options?: PullOptions): Promise<EnsuredImage>;
  hasImage(image: string): Promise<boolean>;
  /** The local image's configured Entrypoint and Cmd (empty when unset); rejects when it is missing. */
  imageCommand(image: string): Promise<ImageCommand>;
  importImage(source: ImageImport): Promise<void>;

  /** Creates a container and returns its id; a name conflict rejects with `conflict: true`. */
  createContainer(owner: string, spec: ContainerSpec): Promise<string>;
  startContainer(owner: string, id: string): Promise<void>;
  /** STOPSIGNAL (default SIGTERM), then SIGKILL after `timeoutSeconds`. */
  stopContainer(owner: string, id: string, timeoutSeconds: number): Promise<void>;
  killContainer(owner: string, id: string, signal?: string): Promise<void>;
  removeContainer(owner: string, id: string): Promise<void>;
  /** `undefined` when no such container exists. Accepts an id or a name; read-only, so unguarded. */
  inspectContainer(idOrName: string): Promise<ContainerInspection | undefined>;
  /** A reading of a running container's counters; `undefined` when it is gone or not running. */
  containerStats(id: string): Promise<ContainerStatsReading | undefined>;
  /** The owner's containers, running or not; with `taskArn`, only that task's. */
  listOwnedContainers(owner: string, taskArn?: string): Promise<OwnedContainer[]>;
  /** Every container Berth manages on this host (`dev.berth.managed=true`), whoever its owner. */
  listManagedContainers(): Promise<OwnedContainer[]>;
  /** The host IPs that running containers publish ports on — every container, whoever owns it. */
  boundHostIps(): Promise<Set<string>>;

  /** Creates the volume unless it exists. */
  ensureVolume(owner: string, spec: VolumeSpec): Promise<void>;
  hasVolume(name: string): Promise<boolean>;
  removeVolume(owner: string, name: string): Promise<void>;
  listOwnedVolumes(owner: string): Promise<OwnedVolume[]>;
  /** Every volume Berth manages on this host, whoever its owner. */
  listManagedVolumes(): Promise<OwnedVolume[]>;

  /** How the runtime manages cgroups: `cgroupfs` or `systemd` (Docker's CgroupDriver). */
  cgroupDriver(): Promise<string>;

  /**
   * Reads (or follows) a container's stdout and stderr with receive timestamps, in the order the
   * runtime logged them. Resolves once connected; the iteration ends at the end of the log (after
   * the container stopped, when following), or when `options.signal` aborts.
   */
  readLogs(id: string, options: ReadLogsOptions): Promise<AsyncIterable<RuntimeLogLine>>;

  /** Lifecycle events of the owner's containers; reconnects by itself until closed. */
  watchEvents(owner: string, onEvent: (event: RuntimeEvent) => void): EventSubscription;
}
