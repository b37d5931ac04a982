import type { Partition } from './partition.js';

/** ECS ARNs: arn:aws:ecs:<region>:<account>:<type>/<path>. */
export const ecsArn = (p: Partition, resource: string): string =>
  `arn:aws:ecs:${p.region}:${p.accountId}:${resource}`;

export const clusterArn = (p: Partition, name: string): string => ecsArn(p, `cluster/${name}`);
export const taskDefinitionArn = (p: Partition, family: string, revision: number): string =>
  ecsArn(p, `task-definition/${family}:${revision}`);
export const taskArn = (p: Partition, clusterName: string, id: string): string =>
  ecsArn(p, `task/${clusterName}/${id}`);
export const containerInstanceArn = (p: Partition, clusterName: string, id: string): string =>
  ecsArn(p, `container-instance/${clusterName}/${id}`);
export const containerArn = (p: Partition, clusterName: string, taskId: string, id: string): string =>
  ecsArn(p, `container/${clusterName}/${taskId}/${id}`);
export const serviceArn = (p: Partition, clusterName: string, name: string): string =>
  ecsArn(p, `service/${clusterName}/${name}`);
/** A task set of an EXTERNAL (or CODE_DEPLOY) service; `id` is `ecs-svc/<digits>` [aws-cli examples/ecs/create-task-set]. */
export const taskSetArn = (p: Partition, clusterName: string, serviceName: string, id: string): string =>
  ecsArn(p, `task-set/${clusterName}/${serviceName}/${id}`);
/** Daemon ARNs as the ECS API Reference examples give them (CreateDaemon, UpdateDaemon, DescribeDaemonRevisions). */
export const daemonArn = (p: Partition, clusterName: string, name: string): string =>
  ecsArn(p, `daemon/${clusterName}/${name}`);
export const daemonTaskDefinitionArn = (p: Partition, family: string, revision: number): string =>
  ecsArn(p, `daemon-task-definition/${family}:${revision}`);
export const daemonDeploymentArn = (p: Partition, clusterName: string, daemon: string, id: string): string =>
  ecsArn(p, `daemon-deployment/${clusterName}/${daemon}/${id}`);
export const daemonRevisionArn = (p: Partition, clusterName: string, daemon: string, id: string): string =>
  ecsArn(p, `daemon-revision/${clusterName}/${daemon}/${id}`);

export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  /** What follows the account: e.g. `task/my-cluster/abc`. */
  readonly resource: string;
  /** The resource type: e.g. `task`, `cluster`, `task-definition`. */
  readonly type: string;
  /** The path segments after the type. */
  readonly path: readonly string[];
}

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d*):(.+)$/;

export const parseArn = (text: string): ParsedArn | undefined => {
  const match = ARN_PATTERN.exec(text);
  if (!match) return undefined;
  const [, partition = '', service = '', region = '', accountId = '', resource = ''] = match;
  const [type = '', ...path] = resource.split('/');
  return { partition, service, region, accountId, resource, type, path };
};

/** The last path segment of an ARN, or the text itself when it is not an ARN (ECS accepts both). */
export const resourceIdOf = (arnOrId: string): string => {
  const parsed = parseArn(arnOrId);
  return parsed ? (parsed.path[parsed.path.length - 1] ?? '') : arnOrId;
};
