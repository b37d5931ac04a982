/**
 * ECS's agent-facing container-instance operations that Berth's own agent does not need:
 * UpdateContainerAgent and DiscoverPollEndpoint.
 *
 * UpdateContainerAgent [M; G agent-update-ecs-ami]: ECS checks the agent's version against the
 * latest and answers NoUpdateAvailableException when there is nothing newer. A Berth agent is
 * always the version its server ships (agents and server come from one release), so once the
 * cluster and instance check out, there never is an update: NoUpdateAvailableException, or
 * MissingVersionException for an instance that registered without versionInfo. ECS publishes
 * neither message; both are (impl), after the model's descriptions.
 *
 * DiscoverPollEndpoint [M]: the endpoint an agent polls. Berth's agents poll the server they talk
 * to, so every endpoint is this server's URL as the caller reached it.
 */
import { ApiError, invalidParameter, parseArn, type Partition } from '@berth/core';
import type { DiscoverPollEndpointResponse } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { activeCluster, clusterArnOf } from '../cluster-ref.js';
import type { ContainerInstanceRecord } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';

import type { ContainerInstancesService } from './container-instances-service.js';

export class AgentEndpointsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly containerInstances: ContainerInstancesService,
  ) {}

  updateContainerAgent(
    partition: Partition,
    request: { cluster?: unknown; containerInstance?: unknown },
  ): never {
    const record = this.instance(
      this.deps.store,
      partition,
      request.cluster,
      request.containerInstance,
      true,
    );
    if (!record?.instance.versionInfo?.agentVersion) {
      throw new ApiError(
        'MissingVersionException',
        'Amazon ECS is unable to determine the current version of the container agent on the container instance.',
      );
    }
    throw new ApiError(
      'NoUpdateAvailableException',
      `There is no update available for your container agent: it already runs version ${record.instance.versionInfo.agentVersion}, the version its Berth server ships.`,
    );
  }

  discoverPollEndpoint(
    partition: Partition,
    endpoint: string,
    request: { cluster?: unknown; containerInstance?: unknown },
  ): DiscoverPollEndpointResponse {
    if (request.cluster !== undefined || request.containerInstance !== undefined) {
      this.instance(this.deps.store, partition, request.cluster, request.containerInstance, false);
    }
    return { endpoint, telemetryEndpoint: endpoint, serviceConnectEndpoint: endpoint };
  }

  /**
   * The cluster a request names (ClusterNotFoundException), and the container instance in it
   * (InvalidParameterException when unknown or deregistered). Without a cluster, an instance ARN
   * names its own cluster; otherwise `default`.
   */
  private instance(
    reader: StoreReader,
    partition: Partition,
    cluster: unknown,
    containerInstance: unknown,
    required: boolean,
  ): ContainerInstanceRecord | undefined {
    if (cluster !== undefined && typeof cluster !== 'string') throw invalidParameter('Invalid cluster.');
    if (containerInstance === undefined && !required) {
      activeCluster(reader, partition, cluster);
      return undefined;
    }
    if (typeof containerInstance !== 'string' || containerInstance.length === 0) {
      throw invalidParameter('containerInstance can not be blank.');
    }
    const clusterRef = cluster ?? clusterOfInstanceArn(containerInstance);
    const clusterArn =
      activeCluster(reader, partition, clusterRef).cluster.clusterArn ?? clusterArnOf(partition, clusterRef);
    const record = this.containerInstances.find(reader, clusterArn, containerInstance);
    if (!record || record.instance.status === 'INACTIVE') {
      throw invalidParameter('The referenced container instance was not found.');
    }
    return record;
  }
}

/** `arn:aws:ecs:<region>:<account>:container-instance/<cluster>/<id>` names its cluster. */
const clusterOfInstanceArn = (ref: string): string | undefined => {
  const parsed = parseArn(ref);
  return parsed?.type === 'container-instance' && parsed.path.length === 2 ? parsed.path[0] : undefined;
};
