/**
 * The capability attributes the Berth agent registers, as the ECS agent does: a task definition
 * whose `requiresAttributes` names a capability outside this list cannot be placed here.
 */
const DOCKER_API_VERSIONS = ['1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37', '1.38', '1.39', '1.40', '1.41'];
const LOGGING_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'none'];

export const AGENT_CAPABILITIES: readonly string[] = [
  ...DOCKER_API_VERSIONS.map((v) => `com.amazonaws.ecs.capability.docker-remote-api.${v}`),
  ...LOGGING_DRIVERS.map((d) => `com.amazonaws.ecs.capability.logging-driver.${d}`),
  'com.amazonaws.ecs.capability.privileged-container',
  'com.amazonaws.ecs.capability.task-iam-role',
  'com.amazonaws.ecs.capability.task-iam-role-network-host',
  'com.amazonaws.ecs.capability.ecr-auth',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.execution-role-ecr-pull',
  'ecs.capability.task-eni',
  'ecs.capability.container-health-check',
  'ecs.capability.container-ordering',
  'ecs.capability.task-cpu-mem-limit',
  'ecs.capability.docker-plugin.local',
  'ecs.capability.full-sync',
  'ecs.capability.private-registry-authentication.secretsmanager',
  'ecs.capability.secrets.asm.environment-variables',
  'ecs.capability.secrets.ssm.environment-variables',
  'ecs.capability.env-files.s3',
  'ecs.capability.pid-ipc-namespace-sharing',
  'ecs.capability.efsAuth',
];
