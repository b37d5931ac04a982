/**
 * Labels on everything Berth creates. Ours (`dev.berth.*`) prove ownership; the ECS agent's
 * (`com.amazonaws.ecs.*`, `labelPrefix` in its docker_task_engine.go) say which task a container
 * belongs to. Berth touches only what carries `dev.berth.managed=true` and its own instance's label.
 */
export const LABELS = {
  managed: 'dev.berth.managed',
  containerInstance: 'dev.berth.container-instance',
  taskArn: 'com.amazonaws.ecs.task-arn',
  containerName: 'com.amazonaws.ecs.container-name',
  family: 'com.amazonaws.ecs.task-definition-family',
  version: 'com.amazonaws.ecs.task-definition-version',
  cluster: 'com.amazonaws.ecs.cluster',
  /** On an awsvpc pause container: the task's address, so a restarted agent keeps it. */
  taskAddress: 'dev.berth.task-address',
} as const;

export const ownerLabels = (containerInstanceArn: string): Record<string, string> => ({
  [LABELS.managed]: 'true',
  [LABELS.containerInstance]: containerInstanceArn,
});

export const isOwnedBy = (labels: Readonly<Record<string, string>>, containerInstanceArn: string): boolean =>
  labels[LABELS.managed] === 'true' && labels[LABELS.containerInstance] === containerInstanceArn;

/** Docker `label=` filter selecting everything Berth manages, whoever owns it. */
export const MANAGED_LABEL_FILTER = `${LABELS.managed}=true`;

/** Docker `label=` filters selecting an owner's objects. */
export const ownerLabelFilters = (containerInstanceArn: string): string[] => [
  `${LABELS.managed}=true`,
  `${LABELS.containerInstance}=${containerInstanceArn}`,
];
