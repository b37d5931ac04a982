import type { Cluster, KeyValuePair } from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import type { ServiceRecord } from '../ecs-services/service-record.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../records.js';

/** The derived counts of a cluster, true at the moment of reading. */
export const clusterCounts = (
  reader: StoreReader,
  clusterArn: string,
): Pick<
  Cluster,
  'registeredContainerInstancesCount' | 'runningTasksCount' | 'pendingTasksCount' | 'activeServicesCount'
> & {
  statistics: KeyValuePair[];
} => {
  const instances = reader.list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn);
  const tasks = reader.list<TaskRecord>(KIND.task, clusterArn);
  const services = reader.list<ServiceRecord>(KIND.service, clusterArn);
  const count = (status: string, launchType?: string): number =>
    tasks.filter((t) => t.task.lastStatus === status && (!launchType || t.task.launchType === launchType))
      .length;
  const serviceCount = (status: string, fargate: boolean): number =>
    services.filter((s) => s.service.status === status && (s.service.launchType === 'FARGATE') === fargate)
      .length;
  return {
    registeredContainerInstancesCount: instances.filter((i) => i.instance.status !== 'INACTIVE').length,
    runningTasksCount: count('RUNNING'),
    pendingTasksCount: count('PENDING') + count('PROVISIONING'),
    activeServicesCount: services.filter((s) => s.service.status === 'ACTIVE').length,
    statistics: [
      { name: 'runningEC2TasksCount', value: String(count('RUNNING', 'EC2')) },
      { name: 'runningFargateTasksCount', value: String(count('RUNNING', 'FARGATE')) },
      { name: 'pendingEC2TasksCount', value: String(count('PENDING', 'EC2')) },
      {
        name: 'pendingFargateTasksCount',
        value: String(count('PENDING', 'FARGATE') + count('PROVISIONING', 'FARGATE')),
      },
      { name: 'activeEC2ServiceCount', value: String(serviceCount('ACTIVE', false)) },
      { name: 'activeFargateServiceCount', value: String(serviceCount('ACTIVE', true)) },
      { name: 'drainingEC2ServiceCount', value: String(serviceCount('DRAINING', false)) },
      { name: 'drainingFargateServiceCount', value: String(serviceCount('DRAINING', true)) },
    ],
  };
};
