/** An ECS service as Application Auto Scaling names it, and the aws CLI arguments that say so. */
export const serviceResource = (cluster: string, service: string): string => `service/${cluster}/${service}`;

/** `--service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id <resource>`. */
export const scalableTargetArgs = (resource: string): string[] => [
  '--service-namespace',
  'ecs',
  '--scalable-dimension',
  'ecs:service:DesiredCount',
  '--resource-id',
  resource,
];
