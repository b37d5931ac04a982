/**
 * Wires the ECS API: its use cases over one store, its controllers, and the API services the
 * gateway routes to (ECS itself, the agent protocol and Berth's admin API).
 */
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { adminService } from './api/admin/admin-service.js';
import { agentService } from './api/agent/agent-service.js';
import type { ControlPlaneServices } from './api/ecs/control-plane-services.js';
import { ecsService } from './api/ecs/ecs-service.js';
import { ecsUseCases, type EcsUseCases } from './ecs-use-cases.js';
import { DaemonController } from './controllers/daemon/daemon-controller.js';
import { RetentionController } from './controllers/retention-controller.js';
import { LifecycleHookController } from './controllers/deployment-hooks/lifecycle-hook-controller.js';
import { createLifecycleHookInvoker } from './services/deployment-hooks/hook-invoker.js';
import { TargetRegistrationController } from './controllers/load-balancing/target-registration-controller.js';
import { DeploymentAlarmStates } from './controllers/service/deployment-alarm-states.js';
import { ServiceController } from './controllers/service/service-controller.js';
import type { DeploymentAlarms } from './services/ecs-services/deployment-alarms.js';
import { TaskSetController } from './controllers/task-set/task-set-controller.js';
import { TaskMetricsController } from './controllers/task-metrics-controller.js';
import { DROPPING_METRIC_SINK, type MetricSink } from './services/task-metrics/metric-sink.js';
import { TaskSampleBuffer } from './services/task-metrics/task-sample-buffer.js';
import { TaskStatsService } from './services/task-metrics/task-stats-service.js';
import { AccountSettingsService } from './services/account-settings/account-settings-service.js';
import { AgentLinkService } from './services/agent-link/agent-link-service.js';
import { TaskCredentialsService } from './services/agent-link/task-credentials-service.js';
import type { TaskRoleSessions } from './services/agent-link/task-role-sessions.js';
import { DesiredStateNotifier } from './services/agent-link/desired-state-notifier.js';
import { AgentPresence } from './services/agent-presence.js';
import { InstanceUsageIndex } from './services/instance-usage-index.js';
import { TaskGroupIndex, taskPlacementIndex } from './services/task-index.js';
import { AttributesService } from './services/attributes-service.js';
import { CapacityProvidersService } from './services/capacity-providers/capacity-providers-service.js';
import { ClustersService } from './services/clusters/clusters-service.js';
import { AgentEndpointsService } from './services/container-instances/agent-endpoints-service.js';
import { ContainerInstancesService } from './services/container-instances/container-instances-service.js';
import { DaemonTaskDefinitionsService } from './services/daemon-task-definitions/daemon-task-definitions-service.js';
import { DaemonsService } from './services/daemons/daemons-service.js';
import { ServiceDeploymentActions } from './services/ecs-services/service-deployment-actions.js';
import { ServicesService } from './services/ecs-services/services-service.js';
import { ManagedHostsService } from './services/fargate/managed-hosts-service.js';
import { DEFAULT_SPOT_WARNING_SECONDS, SpotReclaimService } from './services/fargate/spot-reclaim-service.js';
import { ResourceTagsService } from './services/resource-tags-service.js';
import { ecsQueries } from './services/ecs-queries.js';
import { instanceHostAddress } from './services/load-balancing/instance-host-address.js';
import type { LoadBalancing } from './services/load-balancing/load-balancing.js';
import { randomIds, type IdSource, type ServiceDeps } from './services/service-deps.js';
import { TaskDefinitionRegistry } from './services/task-definition-registry.js';
import { TaskSetsService } from './services/task-sets/task-sets-service.js';
import { AttachmentStateService } from './services/tasks/attachment-state-service.js';
import { TaskProtectionService } from './services/tasks/task-protection-service.js';
import { TasksService } from './services/tasks/tasks-service.js';
import { DEFAULT_FARGATE_PRICES, type FargatePrices } from './services/usage/fargate-prices.js';
import { UsageService } from './services/usage/usage-service.js';

export interface EcsModuleConfig {
  readonly store: StateStore;
  /** How long STOPPED tasks stay describable (ECS: at least an hour). */
  readonly stoppedTaskRetentionMs: number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly now?: () => number;
  readonly ids?: IdSource;
  /** How often every service is reconciled even without a change (time moves some decisions). */
  readonly serviceResyncIntervalMs?: number;
  /** How long a reclaimed FARGATE_SPOT task's containers get between SIGTERM and SIGKILL (AWS: 120 s). */
  readonly spotWarningSeconds?: number;
  /** Prices Fargate usage reports are estimated with (default: published us-east-1 Linux/x86). */
  readonly fargatePrices?: FargatePrices;
  /** Where file:// lifecycle hook commands may live (absent: such hooks are refused). */
  readonly lifecycleHookDir?: string;
  /** Elastic Load Balancing, for services behind target groups (absent: such services are refused). */
  readonly loadBalancing?: LoadBalancing;
  /** Where the AWS/ECS metrics go each minute (absent: they are dropped). */
  readonly metricSink?: MetricSink;
  /** CloudWatch alarm states, for deployment alarms (absent: deploymentConfiguration.alarms is refused). */
  readonly deploymentAlarms?: DeploymentAlarms;
  /** How often the metrics controller looks for ended minutes; default 60 s. */
  readonly metricsIntervalMs?: number;
  /**
   * Publish CPUUtilization/MemoryUtilization per 10 s at StorageResolution 1 (for agents sampling at
   * least every 10 s), so 10-s alarms (target tracking's test period) can read them.
   */
  readonly metricsHighResolution?: boolean;
  /** STS, to issue task-role credentials to agents (absent: GetTaskCredentials is denied). */
  readonly taskRoleSessions?: TaskRoleSessions;
}

export interface EcsModule {
  readonly services: ControlPlaneServices;
  /** What the gateway serves: the ECS API, the agent protocol and the admin API. */
  readonly apis: readonly ApiService[];
  /** What other packages call (Application Auto Scaling: a service's desired count). */
  readonly useCases: EcsUseCases;
  /** Starts the controllers. */
  start(): void;
  /** Stops the controllers and closes the indexes; the store stays open (its owner closes it). */
  stop(): void;
  /** The address a container instance (by EC2 instance id) publishes task ports on, if it is registered. */
  instanceHostAddress(ec2InstanceId: string): string | undefined;
}

export const createEcsModule = (config: EcsModuleConfig): EcsModule => {
  const store = config.store;
  const loadBalancing = config.loadBalancing;
  const now = config.now ?? Date.now;
  const deps: ServiceDeps = { store, now, ids: config.ids ?? randomIds };
  const presence = new AgentPresence(now);
  const usageIndex = new InstanceUsageIndex(store);
  const groupIndex = new TaskGroupIndex(store);
  const placementIndex = taskPlacementIndex(store);
  const notifier = new DesiredStateNotifier(store);
  const taskSamples = new TaskSampleBuffer();
  const clusters = new ClustersService(deps);
  const taskDefinitions = new TaskDefinitionRegistry(deps);
  const containerInstances = new ContainerInstancesService(deps, clusters, presence);
  const daemonTaskDefinitions = new DaemonTaskDefinitionsService(deps);
  const services: ControlPlaneServices = {
    queries: ecsQueries(store),
    clusters,
    capacityProviders: new CapacityProvidersService(deps),
    taskDefinitions,
    containerInstances,
    tasks: new TasksService(deps, clusters, taskDefinitions, presence),
    tags: new ResourceTagsService(deps),
    attributes: new AttributesService(deps, containerInstances),
    agentLink: new AgentLinkService(deps, presence, notifier, placementIndex),
    taskCredentials: new TaskCredentialsService(deps, config.taskRoleSessions),
    managedHosts: new ManagedHostsService(deps, presence),
    spot: new SpotReclaimService(deps, config.spotWarningSeconds ?? DEFAULT_SPOT_WARNING_SECONDS),
    ecsServices: new ServicesService(
      deps,
      taskDefinitions,
      (p) => `arn:aws:iam::${p.accountId}:root`,
      groupIndex,
      loadBalancing,
      config.lifecycleHookDir,
      config.deploymentAlarms !== undefined,
    ),
    taskSets: new TaskSetsService(deps, taskDefinitions, groupIndex),
    usage: new UsageService(deps, config.fargatePrices ?? DEFAULT_FARGATE_PRICES),
    daemonTaskDefinitions,
    daemons: new DaemonsService(deps, daemonTaskDefinitions),
    accountSettings: new AccountSettingsService(deps),
    taskProtection: new TaskProtectionService(deps),
    serviceDeployments: new ServiceDeploymentActions(deps),
    agentEndpoints: new AgentEndpointsService(deps, containerInstances),
    attachmentStates: new AttachmentStateService(deps),
    taskStats: new TaskStatsService(deps, taskSamples),
  };
  const retention = new RetentionController(store, now, config.stoppedTaskRetentionMs);
  const controllerOptions = {
    store,
    now,
    ids: deps.ids,
    presence,
    usage: usageIndex,
    groups: groupIndex,
    log: config.log,
    resyncIntervalMs: config.serviceResyncIntervalMs ?? 2000,
  };
  const alarmStates = config.deploymentAlarms
    ? new DeploymentAlarmStates(store, config.deploymentAlarms, config.log)
    : undefined;
  const serviceController = new ServiceController({
    ...controllerOptions,
    ...(loadBalancing ? { loadBalancing } : {}),
    ...(alarmStates ? { alarmStates } : {}),
  });
  // Services behind load balancers: their tasks' targets. Drain deadlines move with time: resync often.
  const targetRegistration = loadBalancing
    ? new TargetRegistrationController({ ...controllerOptions, loadBalancing, resyncIntervalMs: 1000 })
    : undefined;
  // Traffic-shifting deployments: the lifecycle hooks they wait on.
  const lifecycleHooks = new LifecycleHookController({
    store,
    now,
    invoker: createLifecycleHookInvoker(),
    commandDir: config.lifecycleHookDir,
    log: config.log,
    resyncIntervalMs: 1000,
  });
  // EXTERNAL services: their task sets' tasks.
  const taskSetController = new TaskSetController(controllerOptions);
  const daemonController = new DaemonController({ ...controllerOptions, containerInstances });
  const taskMetrics = new TaskMetricsController({
    store,
    samples: taskSamples,
    sink: config.metricSink ?? DROPPING_METRIC_SINK,
    now,
    log: config.log,
    ...(config.metricsIntervalMs === undefined ? {} : { intervalMs: config.metricsIntervalMs }),
    ...(config.metricsHighResolution === true ? { highResolution: true } : {}),
  });
  return {
    services,
    apis: [ecsService(services), agentService(services), adminService(services)],
    useCases: ecsUseCases(services.ecsServices),
    instanceHostAddress: (id) => instanceHostAddress(store, id),
    start: () => {
      retention.start();
      alarmStates?.start();
      serviceController.start();
      targetRegistration?.start();
      lifecycleHooks.start();
      taskSetController.start();
      daemonController.start();
      taskMetrics.start();
    },
    stop: () => {
      retention.stop();
      alarmStates?.stop();
      serviceController.stop();
      targetRegistration?.stop();
      lifecycleHooks.stop();
      taskSetController.stop();
      daemonController.stop();
      taskMetrics.stop();
      usageIndex.close();
      groupIndex.close();
      placementIndex.close();
      notifier.close();
    },
  };
};
