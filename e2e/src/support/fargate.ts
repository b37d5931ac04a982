/** FARGATE task definitions and the awsvpc network configuration the suites use. */
import { awsOk } from './clients.js';

/** `--network-configuration` for awsvpc tasks (the subnet and group are only echoed back). */
export const AWSVPC_NETWORK = 'awsvpcConfiguration={subnets=[subnet-1],securityGroups=[sg-1]}';

/** The execution role suites give task definitions that need one (awslogs on Fargate does). */
export const EXECUTION_ROLE_ARN = 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole';

/** Registers a FARGATE (awsvpc) task definition of `containers`; returns its ARN. */
export const registerFargate = (
  env: NodeJS.ProcessEnv,
  family: string,
  containers: readonly object[],
  size: { readonly cpu: string; readonly memory: string } = { cpu: '256', memory: '512' },
  executionRoleArn?: string,
): string =>
  awsOk(env, [
    'ecs',
    'register-task-definition',
    '--family',
    family,
    '--network-mode',
    'awsvpc',
    '--requires-compatibilities',
    'FARGATE',
    '--cpu',
    size.cpu,
    '--memory',
    size.memory,
    ...(executionRoleArn ? ['--execution-role-arn', executionRoleArn] : []),
    '--container-definitions',
    JSON.stringify(containers),
  ]).taskDefinition.taskDefinitionArn;
