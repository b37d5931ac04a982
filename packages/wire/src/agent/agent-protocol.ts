/**
 * The agent protocol: how a `berth agent` learns the tasks its instance should run and reports
 * what it observes. It is level-triggered: each poll answers with the whole desired state of the
 * instance and a sequence number; the agent drives containers towards it and reports observed
 * state per task. The control plane alone writes desired status; the agent alone writes lastStatus.
 *
 * Wire: AWS JSON 1.1, SigV4-signed, `X-Amz-Target: BerthAgentV1.<Operation>`.
 */
import type {
  Attachment,
  Attribute,
  ContainerDefinition,
  HealthStatus,
  NetworkBinding,
  Resource,
  TaskStopCode,
  Volume,
} from '../ecs/ecs-shapes.js';

export const AGENT_TARGET_PREFIX = 'BerthAgentV1';

/**
 * An agent started with `--managed` joins the pool of managed ("Fargate") capacity instead of a
 * cluster: it runs FARGATE tasks of every cluster in its partition and is never a container instance.
 */
export interface RegisterManagedHostRequest {
  /** The host's earlier ARN, to keep its identity (and adopt its tasks) across restarts. */
  readonly hostArn?: string;
  readonly totalResources: readonly Resource[];
  readonly attributes?: readonly Attribute[];
}

export interface RegisterManagedHostResponse {
  readonly hostArn: string;
}

export interface PollDesiredTasksRequest {
  readonly cluster: string;
  /** The container instance, or the managed host's ARN. */
  readonly containerInstanceArn: string;
  /** The sequence number the agent last saw; the call waits until the desired state moves past it. */
  readonly knownSeq: number;
  /** How long to wait for a change before answering with the unchanged state (seconds, ≤ 20). */
  readonly waitSeconds?: number;
}

export interface PollDesiredTasksResponse {
  readonly seq: number;
  readonly instanceStatus: string;
  readonly tasks: readonly DesiredTask[];
}

/** A task as the agent must run it: task definition and overrides already merged. */
export interface DesiredTask {
  readonly taskArn: string;
  readonly clusterArn: string;
  readonly family: string;
  readonly revision: number;
  readonly taskDefinitionArn: string;
  readonly desiredStatus: 'RUNNING' | 'STOPPED';
  readonly launchType: string;
  readonly networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  /** Task-level hard limits, when the task definition sets them (CPU units, MiB). */
  readonly cpu?: number;
  readonly memory?: number;
  /**
   * Overrides every container's SIGTERM → SIGKILL grace for this stop (seconds): the warning a
   * reclaimed FARGATE_SPOT task gets.
   */
  readonly stopGraceSeconds?: number;
  /**
   * The task execution role (the task's override, else its definition's). ECS pulls private ECR
   * images of a FARGATE task with this role, so a FARGATE task without one pulls them with no
   * credentials; EC2 tasks pull with the container instance's credentials either way.
   */
  readonly executionRoleArn?: string;
  /** The task role (override, else definition): what the containers' credentials endpoint serves. */
  readonly taskRoleArn?: string;
  /** Each container's ARN by container name (the task metadata endpoint's ContainerARN). */
  readonly containerArns?: Readonly<Record<string, string>>;
  /** The service a service task belongs to (the task metadata endpoint's ServiceName). */
  readonly serviceName?: string;
  readonly containers: readonly ContainerDefinition[];
  readonly volumes: readonly Volume[];
}

/** Observed state of one container, as the agent reports it. */
export interface ContainerReport {
  readonly containerName: string;
  readonly status: 'PENDING' | 'RUNNING' | 'STOPPED';
  readonly runtimeId?: string;
  readonly imageDigest?: string;
  readonly exitCode?: number;
  readonly reason?: string;
  readonly networkBindings?: readonly NetworkBinding[];
  readonly healthStatus?: HealthStatus;
}

/**
 * What the agent reports as a task's lastStatus: PENDING until every container runs; a task that
 * ran goes RUNNING → STOPPING (containers being stopped) → DEPROVISIONING (awsvpc: its network
 * being released) → STOPPED; one that never ran goes PENDING → STOPPED.
 */
export type ReportedTaskStatus = 'PENDING' | 'RUNNING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED';

/** Observed state of one task. Timestamps are epoch seconds. */
export interface TaskReport {
  readonly cluster: string;
  readonly task: string;
  readonly status: ReportedTaskStatus;
  readonly reason?: string;
  readonly stopCode?: TaskStopCode;
  readonly containers: readonly ContainerReport[];
  readonly attachments?: readonly Attachment[];
  /** awsvpc: the address the agent gave the task (its "ENI" address, from the agent's own block). */
  readonly privateIPv4Address?: string;
  readonly pullStartedAt?: number;
  readonly pullStoppedAt?: number;
  readonly startedAt?: number;
  /** When the agent began stopping the task's containers. */
  readonly stoppingAt?: number;
  /** When every container of the task had stopped. */
  readonly executionStoppedAt?: number;
  /** When the task was STOPPED (its network, if any, released). */
  readonly stoppedAt?: number;
  /**
   * Things the agent did differently from the task definition and wants the user to know, e.g. a
   * ulimit lowered to the host's maximum. Each is reported until the task is STOPPED.
   */
  readonly notices?: readonly string[];
}

export interface ReportTaskStateRequest {
  readonly containerInstanceArn: string;
  readonly tasks: readonly TaskReport[];
}

/**
 * What one task used at one moment, summed over its containers: the ECS agent's 20-second samples
 * that the control plane folds into the AWS/ECS CPUUtilization and MemoryUtilization metrics.
 */
export interface TaskStatsSample {
  readonly taskArn: string;
  /** When the sample was taken, epoch milliseconds. */
  readonly timestamp: number;
  /** CPU units used over the interval since the previous sample (1024 = one CPU busy). */
  readonly cpuUnitsUsed: number;
  /** Memory in use (page cache that can be dropped excluded), MiB. */
  readonly memoryMiBUsed: number;
}

/** Best effort: a sample the control plane never receives is simply missing from its minute. */
export interface SubmitTaskStatsRequest {
  /** The container instance, or the managed host's ARN. */
  readonly containerInstanceArn: string;
  readonly samples: readonly TaskStatsSample[];
}

/**
 * Temporary credentials for one of a task's roles, as STS AssumeRole would issue them to ECS
 * (`ecs-tasks.amazonaws.com`): the agent serves the task role's to the containers (the container
 * credentials endpoint) and uses the execution role's itself (secrets, registry credentials).
 * The control plane checks that the task runs on the asking instance and has that role, and that
 * the role exists and trusts ecs-tasks.amazonaws.com; otherwise it answers AccessDeniedException.
 */
export interface GetTaskCredentialsRequest {
  /** The container instance, or the managed host's ARN, the task runs on. */
  readonly containerInstanceArn: string;
  readonly taskArn: string;
  readonly role: 'task' | 'execution';
}

export interface GetTaskCredentialsResponse {
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch seconds. */
  readonly expiration: number;
}
