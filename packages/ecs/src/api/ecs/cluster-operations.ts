import type {
  CreateClusterRequest,
  DeleteClusterRequest,
  DescribeClustersRequest,
  ListClustersRequest,
  PutClusterCapacityProvidersRequest,
  UpdateClusterRequest,
  UpdateClusterSettingsRequest,
} from '@berth/wire/ecs';

import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';
import { as } from './input.js';

export const clusterOperations = ({ clusters }: ControlPlaneServices): Record<string, Operation> => ({
  CreateCluster: (ctx, input) => ({
    cluster: clusters.create(ctx.partition, as<CreateClusterRequest>(input), ctx.principalArn),
  }),
  DescribeClusters: (ctx, input) => {
    const request = as<DescribeClustersRequest>(input);
    return clusters.describe(ctx.partition, request.clusters, request.include ?? []);
  },
  ListClusters: (ctx, input) => {
    const request = as<ListClustersRequest>(input);
    const page = clusters.list(ctx.partition, request.maxResults, request.nextToken);
    return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
  DeleteCluster: (ctx, input) => ({
    cluster: clusters.delete(ctx.partition, as<DeleteClusterRequest>(input).cluster),
  }),
  UpdateCluster: (ctx, input) => ({
    cluster: clusters.update(ctx.partition, as<UpdateClusterRequest>(input)),
  }),
  UpdateClusterSettings: (ctx, input) => ({
    cluster: clusters.updateSettings(ctx.partition, as<UpdateClusterSettingsRequest>(input)),
  }),
  PutClusterCapacityProviders: (ctx, input) => ({
    cluster: clusters.putCapacityProviders(ctx.partition, as<PutClusterCapacityProvidersRequest>(input)),
  }),
});
