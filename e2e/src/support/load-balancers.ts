/** ELBv2 helpers for the suites: an ALB with listeners, target groups, and reading the listener address. */
import { awsOk } from './clients.js';

export interface Alb {
  readonly arn: string;
  readonly dnsName: string;
  /** The loopback address its listeners bind (AvailabilityZones[].LoadBalancerAddresses[].IpAddress). */
  readonly address: string;
}

export const createAlb = (env: NodeJS.ProcessEnv, name: string): Alb => {
  const lb = awsOk(env, [
    'elbv2',
    'create-load-balancer',
    '--name',
    name,
    '--subnets',
    'subnet-aaaa1111',
    'subnet-bbbb2222',
    '--security-groups',
    'sg-0123456789',
  ]).LoadBalancers[0];
  const address = lb.AvailabilityZones.flatMap((z: any) => z.LoadBalancerAddresses ?? [])[0]?.IpAddress;
  if (!address) throw new Error(`no listener address in ${JSON.stringify(lb)}`);
  return { arn: lb.LoadBalancerArn, dnsName: lb.DNSName, address };
};

/** A target group with checks fast enough for tests (every 5 s, healthy after 2, 2 s timeout). */
export const createTargetGroup = (
  env: NodeJS.ProcessEnv,
  name: string,
  targetType: 'ip' | 'instance',
  port: number,
  deregistrationDelaySeconds: number,
): string => {
  const arn = awsOk(env, [
    'elbv2',
    'create-target-group',
    '--name',
    name,
    '--protocol',
    'HTTP',
    '--port',
    String(port),
    '--vpc-id',
    'vpc-0123456789',
    '--target-type',
    targetType,
    '--health-check-path',
    '/',
    '--health-check-interval-seconds',
    '5',
    '--health-check-timeout-seconds',
    '2',
    '--healthy-threshold-count',
    '2',
    '--unhealthy-threshold-count',
    '2',
  ]).TargetGroups[0].TargetGroupArn;
  awsOk(env, [
    'elbv2',
    'modify-target-group-attributes',
    '--target-group-arn',
    arn,
    '--attributes',
    `Key=deregistration_delay.timeout_seconds,Value=${deregistrationDelaySeconds}`,
  ]);
  return arn;
};

export const createListener = (
  env: NodeJS.ProcessEnv,
  lbArn: string,
  port: number,
  targetGroupArn: string,
): string =>
  awsOk(env, [
    'elbv2',
    'create-listener',
    '--load-balancer-arn',
    lbArn,
    '--protocol',
    'HTTP',
    '--port',
    String(port),
    '--default-actions',
    `Type=forward,TargetGroupArn=${targetGroupArn}`,
  ]).Listeners[0].ListenerArn;

export const targetHealth = (env: NodeJS.ProcessEnv, targetGroupArn: string): any[] =>
  awsOk(env, ['elbv2', 'describe-target-health', '--target-group-arn', targetGroupArn])
    .TargetHealthDescriptions;
