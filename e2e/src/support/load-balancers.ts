/** ELBv2 helpers for the suites: an ALB with listeners, target groups, and reading the listener address. */
import { awsOk } from './clients.js';
import { BUSYBOX_IMAGE } from './test-images.js';

/**
 * A web server answering `<revision> <task uuid>` on port 8080; with `answers` false it answers
 * 401 to every path (basic auth it is never given), so its targets fail their health checks.
 */
export const webContainer = (revision: string, answers = true) => ({
  name: 'web',
  image: BUSYBOX_IMAGE,
  essential: true,
  portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
  command: [
    'sh',
    '-c',
    answers
      ? `mkdir -p /www && echo "${revision} $(cat /proc/sys/kernel/random/uuid)" > /www/index.html && exec httpd -f -p 8080 -h /www`
      : 'mkdir -p /www && echo "/:berth:unguessed" > /etc/httpd.conf && exec httpd -f -p 8080 -h /www -c /etc/httpd.conf',
  ],
});

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

export const healthyTargets = (env: NodeJS.ProcessEnv, group: string): string[] =>
  targetHealth(env, group)
    .filter((h) => h.TargetHealth.State === 'healthy')
    .map((h) => h.Target.Id as string)
    .sort();

/** The ARN of a listener's default rule (what an advancedConfiguration names as its listener rule). */
export const defaultRuleOf = (env: NodeJS.ProcessEnv, listenerArn: string): string =>
  awsOk(env, ['elbv2', 'describe-rules', '--listener-arn', listenerArn]).Rules.find((r: any) => r.IsDefault)
    .RuleArn;
