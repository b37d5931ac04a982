import type { AccountSettingsService } from '../../services/account-settings/account-settings-service.js';
import type { AgentLinkService } from '../../services/agent-link/agent-link-service.js';
import type { TaskCredentialsService } from '../../services/agent-link/task-credentials-service.js';
import type { AttributesService } from '../../services/attributes-service.js';
import type { CapacityProvidersService } from '../../services/capacity-providers/capacity-providers-service.js';
import type { ClustersService } from '../../services/clusters/clusters-service.js';
import type { AgentEndpointsService } from '../../services/container-instances/agent-endpoints-service.js';
import type { ContainerInstancesService } from '../../services/container-instances/container-instances-service.js';
import type { DaemonTaskDefinitionsService } from '../../services/daemon-task-definitions/daemon-task-definitions-service.js';
import type { DaemonsService } from '../../services/daemons/daemons-service.js';
import type { ServiceDeploymentActions } from '../../services/ecs-services/service-deployment-actions.js';
import type { ServicesService } from '../../services/ecs-services/services-service.js';
import type { ManagedHostsService } from '../../services/fargate/managed-hosts-service.js';
import type { SpotReclaimService } from '../../services/fargate/spot-reclaim-service.js';
import type { ResourceTagsService } from '../../services/resource-tags-service.js';
import type { EcsQueries } from '../../services/ecs-queries.js';
import type { TaskDefinitionRegistry } from '../../services/task-definition-registry.js';
import type { TaskSetsService } from '../../services/task-sets/task-sets-service.js';
import type { AttachmentStateService } from '../../services/tasks/attachment-state-service.js';
import type { TaskProtectionService } from '../../services/tasks/task-protection-service.js';
import type { TasksService } from '../../services/tasks/tasks-service.js';
import type { TaskStatsService } from '../../services/task-metrics/task-stats-service.js';
import type { UsageService } from '../../services/usage/usage-service.js';

/** Every use-case service the API handlers call. */
export interface ControlPlaneServices {
  /** Read-only use cases: handlers read through these, never the store. */
  readonly queries: EcsQueries;
  readonly clusters: ClustersService;
  readonly capacityProviders: CapacityProvidersService;
  readonly taskDefinitions: TaskDefinitionRegistry;
  readonly containerInstances: ContainerInstancesService;
  readonly tasks: TasksService;
  readonly tags: ResourceTagsService;
  readonly attributes: AttributesService;
  readonly agentLink: AgentLinkService;
  readonly taskCredentials: TaskCredentialsService;
  readonly managedHosts: ManagedHostsService;
  readonly spot: SpotReclaimService;
  readonly ecsServices: ServicesService;
  readonly taskSets: TaskSetsService;
  readonly usage: UsageService;
  readonly daemonTaskDefinitions: DaemonTaskDefinitionsService;
  readonly daemons: DaemonsService;
  readonly accountSettings: AccountSettingsService;
  readonly taskProtection: TaskProtectionService;
  readonly serviceDeployments: ServiceDeploymentActions;
  readonly agentEndpoints: AgentEndpointsService;
  readonly attachmentStates: AttachmentStateService;
  readonly taskStats: TaskStatsService;
}
