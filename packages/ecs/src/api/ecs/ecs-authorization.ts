/**
 * What each ECS call acts on, for IAM (the Service Authorization Reference's resource types and
 * the `ecs:cluster` condition key): clusters by cluster ARN; services, tasks and container
 * instances by their own ARN with `ecs:cluster` set; RunTask/StartTask by the task definition
 * with `ecs:cluster`; tags by the tagged resource. Names and short ids are expanded to the ARNs
 * the call will touch (the cluster defaults to `default`); everything else is `*`. This runs
 * before validation, so a malformed input yields `*` and the handler answers it.
 */
import { clusterArn, taskDefinitionArn, type Partition } from '@berth/core';
import type { OperationAuthorization } from '@berth/gateway';

type Input = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

const clusterOf = (p: Partition, input: Input): string => {
  const given = text(input['cluster']) ?? 'default';
  return given.startsWith('arn:') ? given : clusterArn(p, given);
};

const clusterNameOf = (arn: string): string => arn.slice(arn.indexOf('/') + 1);

/** A cluster-scoped resource (`service/<cluster>/<name>`, `task/<cluster>/<id>`) from a name, id or ARN. */
const scoped = (p: Partition, kind: string, cluster: string, ref: string): string =>
  ref.startsWith('arn:')
    ? ref
    : `arn:aws:ecs:${p.region}:${p.accountId}:${kind}/${clusterNameOf(cluster)}/${ref}`;

const taskDefinitionOf = (p: Partition, ref: string | undefined): string => {
  if (!ref) return '*';
  if (ref.startsWith('arn:')) return ref;
  const [family = ref, revision] = ref.split(':');
  // A bare family means its latest ACTIVE revision: any revision of the family.
  return revision === undefined
    ? `arn:aws:ecs:${p.region}:${p.accountId}:task-definition/${family}:*`
    : taskDefinitionArn(p, family, Number(revision));
};

const onCluster = (resources: string[], cluster: string): OperationAuthorization => ({
  resources: resources.length > 0 ? resources : ['*'],
  context: { 'ecs:cluster': cluster },
});

type Rule = (p: Partition, input: Input) => OperationAuthorization;

const clusterItself: Rule = (p, input) => ({ resources: [clusterOf(p, input)] });
const listOnCluster: Rule = (p, input) => onCluster([clusterOf(p, input)], clusterOf(p, input));
const each =
  (kind: string, field: string): Rule =>
  (p, input) => {
    const cluster = clusterOf(p, input);
    return onCluster(
      texts(input[field]).map((ref) => scoped(p, kind, cluster, ref)),
      cluster,
    );
  };
const one =
  (kind: string, field: string): Rule =>
  (p, input) => {
    const cluster = clusterOf(p, input);
    const ref = text(input[field]);
    return onCluster(ref ? [scoped(p, kind, cluster, ref)] : [], cluster);
  };
const launching: Rule = (p, input) =>
  onCluster([taskDefinitionOf(p, text(input['taskDefinition']))], clusterOf(p, input));
const taskDefinition: Rule = (p, input) => ({
  resources: [taskDefinitionOf(p, text(input['taskDefinition']))],
});
const tagged: Rule = (_p, input) => ({ resources: [text(input['resourceArn']) ?? '*'] });

const RULES: Readonly<Record<string, Rule>> = {
  DescribeClusters: (p, input) => {
    const refs = texts(input['clusters']);
    return {
      resources: (refs.length > 0 ? refs : ['default']).map((c) =>
        c.startsWith('arn:') ? c : clusterArn(p, c),
      ),
    };
  },
  CreateCluster: (p, input) => ({ resources: [clusterArn(p, text(input['clusterName']) ?? 'default')] }),
  DeleteCluster: clusterItself,
  UpdateCluster: clusterItself,
  UpdateClusterSettings: clusterItself,
  PutClusterCapacityProviders: clusterItself,
  ListServices: listOnCluster,
  ListTasks: listOnCluster,
  ListContainerInstances: listOnCluster,
  PutAttributes: listOnCluster,
  DeleteAttributes: listOnCluster,
  ListAttributes: listOnCluster,
  DescribeServices: each('service', 'services'),
  CreateService: one('service', 'serviceName'),
  UpdateService: one('service', 'service'),
  DeleteService: one('service', 'service'),
  DescribeTaskSets: one('service', 'service'),
  CreateTaskSet: one('service', 'service'),
  UpdateTaskSet: one('service', 'service'),
  DeleteTaskSet: one('service', 'service'),
  UpdateServicePrimaryTaskSet: one('service', 'service'),
  DescribeTasks: each('task', 'tasks'),
  StopTask: one('task', 'task'),
  GetTaskProtection: each('task', 'tasks'),
  UpdateTaskProtection: each('task', 'tasks'),
  DescribeContainerInstances: each('container-instance', 'containerInstances'),
  UpdateContainerInstancesState: each('container-instance', 'containerInstances'),
  DeregisterContainerInstance: one('container-instance', 'containerInstance'),
  UpdateContainerAgent: one('container-instance', 'containerInstance'),
  RunTask: launching,
  StartTask: launching,
  DescribeTaskDefinition: taskDefinition,
  DeregisterTaskDefinition: taskDefinition,
  TagResource: tagged,
  UntagResource: tagged,
  ListTagsForResource: tagged,
};

export const ecsAuthorization = (
  operation: string,
  input: Input,
  partition: Partition,
): OperationAuthorization => RULES[operation]?.(partition, input) ?? { resources: ['*'] };
