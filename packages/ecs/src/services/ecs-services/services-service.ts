/**
 * CreateService, UpdateService, DeleteService, DescribeServices and ListServices: the service's
 * intent (configuration and deployments) written in one transaction. The service controller
 * turns it into tasks.
 */
import {
  ApiError,
  ecsArn,
  invalidParameter,
  serviceArn,
  unsupportedFeature,
  type Partition,
} from '@berth/core';
import type {
  CreateServiceRequest,
  Failure,
  ListServicesRequest,
  Service,
  UpdateServiceRequest,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import { paginate, type Page } from '../pagination.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';
import type { LoadBalancing } from '../load-balancing/load-balancing.js';
import { validateServiceLoadBalancers } from '../load-balancing/validate-service-load-balancers.js';
import { initialShiftState } from '@berth/scheduler';
import { alternateForNewDeployment } from '../load-balancing/target-group-sides.js';
import { checkHookTargets } from '../deployment-hooks/check-hook-targets.js';
import { checkShiftingLoadBalancers, isTrafficShifting } from './deployment-strategy-rules.js';
import type { TaskGroupIndex } from '../task-index.js';
import type { TaskDefinitionRegistry } from '../task-definition-registry.js';
import { validateFargateLaunch } from '../fargate/fargate-launch-rules.js';
import { resolveLaunchTarget, targetOf } from '../fargate/launch-target.js';
import { validateNetworkConfiguration } from '../tasks/run-task-request.js';
import { drainTaskSets } from '../task-sets/drain-task-sets.js';
import { createExternalService, updateExternalService } from '../task-sets/external-service.js';
import { isExternal } from '../task-sets/task-set-lookup.js';

import { newDeployment, recordDeployment } from './new-deployment.js';
import { newServiceArn, newServiceFields } from './new-service.js';
import { EMPTY_HISTORY } from './service-history.js';
import { updatedLaunchTarget } from './updated-launch-target.js';
import { SERVICE_KIND, type ServiceDeployment, type ServiceRecord } from './service-record.js';
import {
  checkAlarmsSupported,
  deploymentConfigurationOf,
  launchFieldsOf,
  rejectUnsupported,
  validateDaemonTarget,
  withoutLaunchFields,
  schedulingStrategyOf,
  validateDesiredCount,
  validatePlacement,
  validateServiceName,
} from './service-request.js';
import { serviceTasks, serviceView } from './service-view.js';

const notFound = (): ApiError => new ApiError('ServiceNotFoundException', 'Service not found.');

export class ServicesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly taskDefinitions: TaskDefinitionRegistry,
    private readonly createdBy: (partition: Partition) => string,
    /** Committed tasks by group: lets reads (DescribeServices) skip a cluster scan. */
    private readonly groups?: TaskGroupIndex,
    /** Target groups for services behind load balancers (absent: such services are refused). */
    private readonly loadBalancing?: LoadBalancing,
    /** Where file:// lifecycle hook commands may live (absent: commands are refused). */
    private readonly lifecycleHookDir?: string,
    /** Whether deployment alarms can be watched (a DeploymentAlarms port is wired). */
    private readonly deploymentAlarms = false,
  ) {}

  create(partition: Partition, request: CreateServiceRequest): Service {
    const name = validateServiceName(request.serviceName);
    if (request.deploymentController?.type === 'EXTERNAL') {
      const now = epochSeconds(this.deps.now());
      return this.deps.store.transact((tx) =>
        createExternalService(tx, partition, name, request, now, this.createdBy(partition)),
      );
    }
    rejectUnsupported(request);
    const strategy = schedulingStrategyOf(request.schedulingStrategy);
    const desiredCount = validateDesiredCount(strategy, request.desiredCount);
    const deploymentConfiguration = deploymentConfigurationOf(strategy, request.deploymentConfiguration);
    checkAlarmsSupported(deploymentConfiguration, this.deploymentAlarms);
    checkHookTargets(deploymentConfiguration, this.lifecycleHookDir);
    validatePlacement(strategy, request.placementConstraints, request.placementStrategy);
    const tags = validateTags(request.tags);
    return this.deps.store.transact((tx) => {
      const cluster = activeCluster(tx, partition, request.cluster);
      const target = resolveLaunchTarget(request, cluster.cluster);
      validateDaemonTarget(strategy, target);
      const clusterArn = cluster.cluster.clusterArn ?? '';
      const arn = newServiceArn(tx, partition, clusterArn, name);
      const definition = this.taskDefinitions.resolve(tx, partition, request.taskDefinition).definition;
      if (definition.status !== 'ACTIVE') throw new ApiError('ClientException', 'TaskDefinition is inactive');
      validateNetworkConfiguration(definition, request.networkConfiguration);
      if (target.launchType === 'FARGATE') validateFargateLaunch(definition, request);
      const loadBalancers = validateServiceLoadBalancers(
        request.loadBalancers ?? [],
        definition,
        partition,
        this.loadBalancing,
      );
      checkShiftingLoadBalancers(deploymentConfiguration, loadBalancers);
      const now = epochSeconds(this.deps.now());
      const deployment = newDeployment(this.deps.ids, definition.taskDefinitionArn ?? '', desiredCount, now, {
        ...request,
        target,
      });
      const record: ServiceRecord = {
        clusterArn,
        service: {
          ...newServiceFields({
            arn,
            name,
            clusterArn,
            request,
            desiredCount,
            deploymentConfiguration,
            schedulingStrategy: strategy,
            deploymentController: 'ECS',
            createdBy: this.createdBy(partition),
            now,
          }),
          ...launchFieldsOf(target),
          taskDefinition: definition.taskDefinitionArn ?? '',
          loadBalancers,
          ...(request.networkConfiguration ? { networkConfiguration: request.networkConfiguration } : {}),
        },
        tags,
        deployments: [deployment],
        events: [],
        history: recordDeployment(this.deps.ids, EMPTY_HISTORY, deployment, deploymentConfiguration),
      };
      tx.put(SERVICE_KIND, arn, clusterArn, record);
      return serviceView(tx, record, ['TAGS']);
    });
  }

  update(partition: Partition, request: UpdateServiceRequest): Service {
    return this.deps.store.transact((tx) => {
      const record = this.find(tx, partition, request.cluster, request.service);
      if (!record || record.service.status === 'INACTIVE') throw notFound();
      if (record.service.status !== 'ACTIVE') {
        throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
      }
      if (isExternal(record)) return updateExternalService(tx, record, request);
      if (request.serviceRegistries?.length) {
        throw unsupportedFeature('Berth does not register services in Cloud Map yet.');
      }
      const strategy = schedulingStrategyOf(record.service.schedulingStrategy);
      const desiredCount =
        request.desiredCount !== undefined
          ? validateDesiredCount(strategy, request.desiredCount)
          : (record.service.desiredCount ?? 0);
      const deploymentConfiguration = deploymentConfigurationOf(
        strategy,
        request.deploymentConfiguration,
        record.service.deploymentConfiguration,
      );
      checkAlarmsSupported(deploymentConfiguration, this.deploymentAlarms);
      checkHookTargets(deploymentConfiguration, this.lifecycleHookDir);
      validatePlacement(strategy, request.placementConstraints, request.placementStrategy);
      const current = record.deployments.find((d) => d.status === 'PRIMARY');
      const currentTarget = targetOf(current ?? { launchType: record.service.launchType ?? 'EC2' });
      const target = updatedLaunchTarget(tx, partition, record, currentTarget, request);
      const definition = request.taskDefinition
        ? this.taskDefinitions.resolve(tx, partition, request.taskDefinition).definition
        : undefined;
      if (definition && definition.status !== 'ACTIVE')
        throw new ApiError('ClientException', 'TaskDefinition is inactive');
      const taskDefinitionArn = definition?.taskDefinitionArn ?? record.service.taskDefinition ?? '';
      const networkConfiguration = request.networkConfiguration ?? record.service.networkConfiguration;
      const effective =
        definition ?? this.taskDefinitions.resolve(tx, partition, taskDefinitionArn).definition;
      validateNetworkConfiguration(effective, networkConfiguration);
      if (target.launchType === 'FARGATE') validateFargateLaunch(effective, request);
      const loadBalancers =
        request.loadBalancers !== undefined
          ? validateServiceLoadBalancers(request.loadBalancers, effective, partition, this.loadBalancing)
          : (record.service.loadBalancers ?? []);
      const shifting = isTrafficShifting(deploymentConfiguration);
      checkShiftingLoadBalancers(deploymentConfiguration, loadBalancers);
      const redeploy =
        request.forceNewDeployment === true ||
        JSON.stringify(loadBalancers) !== JSON.stringify(record.service.loadBalancers ?? []) ||
        JSON.stringify(target) !== JSON.stringify(currentTarget) ||
        taskDefinitionArn !== current?.taskDefinitionArn ||
        (request.networkConfiguration !== undefined &&
          JSON.stringify(request.networkConfiguration) !==
            JSON.stringify(record.service.networkConfiguration));
      const now = epochSeconds(this.deps.now());
      const deployments: ServiceDeployment[] = redeploy
        ? [
            {
              ...newDeployment(this.deps.ids, taskDefinitionArn, desiredCount, now, {
                networkConfiguration,
                target,
                alternateTargetGroups: alternateForNewDeployment({
                  deployments: record.deployments,
                  lastCompleted: record.lastCompletedDeployment,
                  loadBalancers,
                  shifting,
                }),
              }),
              ...(shifting ? { shift: initialShiftState(now) } : {}),
            },
            ...record.deployments.map((d) =>
              d.status === 'PRIMARY' ? { ...d, status: 'ACTIVE' as const, updatedAt: now } : d,
            ),
          ]
        : record.deployments.map((d) =>
            d.status === 'PRIMARY' && d.desiredCount !== desiredCount
              ? { ...d, desiredCount, updatedAt: now }
              : d,
          );
      const updated: ServiceRecord = {
        ...record,
        service: {
          ...withoutLaunchFields(record.service),
          desiredCount,
          taskDefinition: taskDefinitionArn,
          ...launchFieldsOf(target),
          deploymentConfiguration,
          loadBalancers,
          ...(networkConfiguration ? { networkConfiguration } : {}),
          ...(request.placementConstraints ? { placementConstraints: request.placementConstraints } : {}),
          ...(request.placementStrategy ? { placementStrategy: request.placementStrategy } : {}),
          ...(request.healthCheckGracePeriodSeconds !== undefined
            ? { healthCheckGracePeriodSeconds: request.healthCheckGracePeriodSeconds }
            : {}),
          ...(request.enableExecuteCommand !== undefined
            ? { enableExecuteCommand: request.enableExecuteCommand }
            : {}),
          ...(request.enableECSManagedTags !== undefined
            ? { enableECSManagedTags: request.enableECSManagedTags }
            : {}),
          ...(request.propagateTags !== undefined ? { propagateTags: request.propagateTags } : {}),
        },
        deployments,
        ...(redeploy && deployments[0]
          ? {
              history: recordDeployment(
                this.deps.ids,
                record.history ?? EMPTY_HISTORY,
                deployments[0],
                deploymentConfiguration,
              ),
            }
          : {}),
      };
      tx.put(SERVICE_KIND, record.service.serviceArn ?? '', record.clusterArn, updated);
      return serviceView(tx, updated, []);
    });
  }

  delete(partition: Partition, clusterRef: string | undefined, ref: string, force: boolean): Service {
    return this.deps.store.transact((tx) => {
      const record = this.find(tx, partition, clusterRef, ref);
      if (!record || record.service.status === 'INACTIVE') throw notFound();
      if (record.service.status === 'DRAINING') return serviceView(tx, record, []);
      if (
        (record.service.desiredCount ?? 0) > 0 &&
        record.service.schedulingStrategy !== 'DAEMON' &&
        !force
      ) {
        throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
      }
      const now = epochSeconds(this.deps.now());
      // An EXTERNAL service's task sets drain; it waits for them as for its tasks.
      const drainingTaskSets = isExternal(record) && drainTaskSets(tx, record, now);
      const live =
        drainingTaskSets || serviceTasks(tx, record).some((t) => t.task.desiredStatus === 'RUNNING');
      const deleted: ServiceRecord = {
        ...record,
        service: { ...record.service, status: live ? 'DRAINING' : 'INACTIVE', desiredCount: 0 },
        deployments: record.deployments.map((d) => ({ ...d, desiredCount: 0, updatedAt: now })),
      };
      tx.put(SERVICE_KIND, record.service.serviceArn ?? '', record.clusterArn, deleted);
      return serviceView(tx, deleted, []);
    });
  }

  describe(
    partition: Partition,
    clusterRef: string | undefined,
    refs: readonly string[],
    include: readonly string[],
  ): { services: Service[]; failures: Failure[] } {
    if (refs.length === 0) throw invalidParameter('Services cannot be empty.');
    if (refs.length > 10) throw invalidParameter('services can have at most 10 items.');
    const store = this.deps.store;
    const clusterArn = activeCluster(store, partition, clusterRef).cluster.clusterArn ?? '';
    const services: Service[] = [];
    const failures: Failure[] = [];
    for (const ref of refs) {
      const record = this.find(store, partition, clusterArn, ref);
      if (record) services.push(serviceView(store, record, include, this.groups));
      // ECS names a bare unknown name `…:service/<name>`, without the cluster (seen on the wire:
      // aws-actions/amazon-ecs-deploy-task-definition#312, #369); an ARN comes back as given.
      else
        failures.push({
          arn: ref.startsWith('arn:') ? ref : ecsArn(partition, `service/${ref}`),
          reason: 'MISSING',
        });
    }
    return { services, failures };
  }

  list(partition: Partition, request: ListServicesRequest): Page<string> {
    const store = this.deps.store;
    const clusterArn = activeCluster(store, partition, request.cluster).cluster.clusterArn ?? '';
    const arns = store
      .list<ServiceRecord>(SERVICE_KIND, clusterArn)
      .filter((r) => r.service.status === 'ACTIVE')
      .filter((r) => request.launchType === undefined || r.service.launchType === request.launchType)
      .filter(
        (r) =>
          request.schedulingStrategy === undefined ||
          r.service.schedulingStrategy === request.schedulingStrategy,
      )
      .sort((a, b) => (a.service.createdAt ?? 0) - (b.service.createdAt ?? 0))
      .map((r) => r.service.serviceArn ?? '');
    return paginate(arns, request.maxResults, request.nextToken);
  }

  private arnOf(partition: Partition, clusterArn: string, ref: string): string {
    return ref.startsWith('arn:') ? ref : serviceArn(partition, clusterNameOf(clusterArn), ref);
  }

  /** The service a reference (name or ARN) names in an ACTIVE cluster. */
  private find(
    reader: StoreReader,
    partition: Partition,
    clusterRef: string | undefined,
    ref: string,
  ): ServiceRecord | undefined {
    const clusterArn = activeCluster(reader, partition, clusterRef).cluster.clusterArn ?? '';
    const record = reader.get<ServiceRecord>(SERVICE_KIND, this.arnOf(partition, clusterArn, ref));
    return record?.clusterArn === clusterArn ? record : undefined;
  }
}
