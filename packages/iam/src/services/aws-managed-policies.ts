/**
 * The AWS managed policies Berth has built in (read-only, `arn:aws:iam::aws:policy/...`, version
 * v1). AmazonECSTaskExecutionRolePolicy is exactly AWS's; the broader ones keep AWS's intent with
 * the services Berth speaks.
 */
export interface AwsManagedPolicy {
  readonly policyName: string;
  readonly path: string;
  readonly arn: string;
  readonly policyId: string;
  readonly description: string;
  readonly document: string;
  /** Epoch seconds. */
  readonly createDate: number;
}

const allow = (action: string | readonly string[], resource: string | readonly string[] = '*'): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
});

const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);

const policy = (
  name: string,
  path: string,
  policyId: string,
  description: string,
  document: string,
): AwsManagedPolicy => ({
  policyName: name,
  path,
  arn: `arn:aws:iam::aws:policy${path}${name}`,
  policyId,
  description,
  document,
  createDate: 1_423_000_000,
});

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  policy(
    'AdministratorAccess',
    '/',
    'ANPAIWMBCKSKIEE64ZLYK',
    'Provides full access to AWS services and resources.',
    doc(allow('*')),
  ),
  policy(
    'ReadOnlyAccess',
    '/',
    'ANPAILL3HVNFSB6DCOWYQ',
    'Provides read-only access to AWS services and resources.',
    doc(allow(['*:Describe*', '*:List*', '*:Get*', '*:BatchGet*'])),
  ),
  policy(
    'AmazonECS_FullAccess',
    '/',
    'ANPAJALOYVTPDZEMIACSM',
    'Provides administrative access to Amazon ECS resources and enables ECS features through access to other AWS service resources.',
    doc(
      allow([
        'ecs:*',
        'elasticloadbalancing:*',
        'application-autoscaling:*',
        'cloudwatch:*',
        'logs:*',
        'ecr:*',
        'servicediscovery:*',
        'ssm:GetParameter*',
        'secretsmanager:GetSecretValue',
      ]),
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringLike: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
      allow(['iam:ListRoles', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfiles']),
    ),
  ),
  policy(
    'AmazonECSTaskExecutionRolePolicy',
    '/service-role/',
    'ANPAJG4T4G4PV56DE72PY',
    'Provides access to other AWS service resources that are required to run Amazon ECS tasks',
    doc(
      allow([
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]),
    ),
  ),
  policy(
    'SecretsManagerReadWrite',
    '/',
    'ANPAIZ6ZDJTGJYWMQBEJ6',
    'Provides read/write access to AWS Secrets Manager via the AWS Management Console.',
    doc(allow(['secretsmanager:*', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys'])),
  ),
  policy(
    'AmazonSSMReadOnlyAccess',
    '/',
    'ANPAJODSKQGGJTHRYZ5FC',
    'Provides read only access to Amazon SSM.',
    doc(allow(['ssm:Describe*', 'ssm:Get*', 'ssm:List*'])),
  ),
];

const BY_ARN: ReadonlyMap<string, AwsManagedPolicy> = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));

export const awsManagedPolicy = (arn: string): AwsManagedPolicy | undefined => BY_ARN.get(arn);
