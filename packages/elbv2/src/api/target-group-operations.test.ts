/** Target groups and their attributes, with their ELBv2 errors. */
import { describe, expect, it } from 'vitest';

import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

type Tgs = { TargetGroups: Record<string, unknown>[] };
const tgInput = { Name: 'api', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'ip' };

describe('CreateTargetGroup', () => {
  it('applies ALB health-check defaults and is idempotent for the same settings', () => {
    const t = unitElbv2();
    const tg = (t.call('CreateTargetGroup', tgInput) as Tgs).TargetGroups[0]!;
    expect(tg).toEqual({
      TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0000000000000001',
      TargetGroupName: 'api',
      Protocol: 'HTTP',
      Port: 80,
      VpcId: 'vpc-1',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [],
      TargetType: 'ip',
      ProtocolVersion: 'HTTP1',
      IpAddressType: 'ipv4',
    });
    expect((t.call('CreateTargetGroup', tgInput) as Tgs).TargetGroups[0]).toEqual(tg);
    expect(t.errorOf('CreateTargetGroup', { ...tgInput, Port: 81 })).toBe(
      "DuplicateTargetGroupName: A target group with the same name 'api' exists, but with different settings",
    );
  });

  it('validates names, protocols, target types and health checks', () => {
    const t = unitElbv2();
    const err = (o: object) => t.errorOf('CreateTargetGroup', { ...tgInput, ...o });
    expect(err({ Name: 'a_b' })).toMatch(/^ValidationError: Target group name 'a_b' can only contain/);
    expect(err({ Name: 'x'.repeat(33) })).toMatch(/cannot be longer than '32' characters$/);
    expect(err({ TargetType: 'lambda' })).toMatch(
      /^OperationNotPermitted: Berth does not support target type 'lambda'/,
    );
    expect(err({ TargetType: 'alb' })).toMatch(
      /^OperationNotPermitted: Berth does not support target type 'alb'/,
    );
    expect(err({ Protocol: 'TCP' })).toMatch(
      /^OperationNotPermitted: Berth does not support target group protocol 'TCP'/,
    );
    expect(err({ VpcId: undefined })).toBe(
      "ValidationError: A VPC ID must be specified for target type 'ip'",
    );
    expect(err({ HealthCheckIntervalSeconds: 4 })).toBe(
      "ValidationError: Health check interval '4' must be between '5' and '300'",
    );
    expect(err({ HealthCheckTimeoutSeconds: 30, HealthCheckIntervalSeconds: 30 })).toBe(
      'ValidationError: Health check interval must be greater than the timeout.',
    );
    expect(err({ HealthyThresholdCount: 11 })).toMatch(/healthy threshold '11' must be between '2' and '10'/);
    expect(err({ Matcher: { HttpCode: '199' } })).toMatch(/matcher HTTP code '199'/);
    expect(err({ HealthCheckPath: 'health' })).toMatch(/must begin with a '\/'/);
    expect(err({ HealthCheckEnabled: false })).toBe(
      "ValidationError: Health checks cannot be disabled for target groups with target type 'ip'",
    );
    expect(err({ Matcher: { HttpCode: '200-299,302' }, Name: 'ok' })).toBe('none');
  });

  it('ModifyTargetGroup changes health checks; DescribeTargetGroups filters; DeleteTargetGroup refuses while in use', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const modified = (
      t.call('ModifyTargetGroup', {
        TargetGroupArn: tgArn,
        HealthCheckPath: '/healthz',
        Matcher: { HttpCode: '200-299' },
      }) as Tgs
    ).TargetGroups[0]!;
    expect(modified).toMatchObject({
      HealthCheckPath: '/healthz',
      Matcher: { HttpCode: '200-299' },
      HealthCheckIntervalSeconds: 30,
    });
    expect((t.call('DescribeTargetGroups', { Names: ['web-tg'] }) as Tgs).TargetGroups.length).toBe(1);
    expect(t.errorOf('DescribeTargetGroups', { Names: ['nope'] })).toBe(
      "TargetGroupNotFound: Target groups '[nope]' not found",
    );
    expect(t.errorOf('DescribeTargetGroups', { Names: ['web-tg'], TargetGroupArns: [tgArn] })).toMatch(
      /^ValidationError: /,
    );
    expect(t.errorOf('DeleteTargetGroup', { TargetGroupArn: tgArn })).toBe(
      `ResourceInUse: Target group '${tgArn}' is currently in use by a listener or a rule`,
    );
    t.call('DeleteListener', { ListenerArn: listenerArn });
    expect(t.call('DeleteTargetGroup', { TargetGroupArn: tgArn })).toEqual({});
    expect(t.call('DeleteTargetGroup', { TargetGroupArn: tgArn })).toEqual({});
    expect(t.errorOf('ModifyTargetGroup', { TargetGroupArn: tgArn })).toBe(
      `TargetGroupNotFound: Target group '${tgArn}' not found`,
    );
  });
});

describe('target group attributes', () => {
  it('reports defaults and validates changes', () => {
    const t = unitElbv2();
    const arn = (t.call('CreateTargetGroup', tgInput) as Tgs).TargetGroups[0]!['TargetGroupArn'];
    const attrs = (
      t.call('DescribeTargetGroupAttributes', { TargetGroupArn: arn }) as { Attributes: unknown[] }
    ).Attributes;
    for (const pair of [
      ['deregistration_delay.timeout_seconds', '300'],
      ['slow_start.duration_seconds', '0'],
      ['stickiness.enabled', 'false'],
      ['stickiness.type', 'lb_cookie'],
      ['stickiness.lb_cookie.duration_seconds', '86400'],
      ['load_balancing.algorithm.type', 'round_robin'],
    ])
      expect(attrs).toContainEqual({ Key: pair[0], Value: pair[1] });
    const modify = (Attributes: object[]) =>
      t.errorOf('ModifyTargetGroupAttributes', { TargetGroupArn: arn, Attributes });
    expect(modify([{ Key: 'deregistration_delay.timeout_seconds', Value: '3601' }])).toMatch(
      /^InvalidConfigurationRequest: /,
    );
    expect(modify([{ Key: 'slow_start.duration_seconds', Value: '10' }])).toMatch(
      /^InvalidConfigurationRequest: /,
    );
    expect(
      modify([
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'stickiness.type', Value: 'app_cookie' },
      ]),
    ).toMatch(/application cookie name must be specified/);
    expect(
      modify([
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'stickiness.type', Value: 'app_cookie' },
        { Key: 'stickiness.app_cookie.cookie_name', Value: 'AWSALBAPP' },
      ]),
    ).toMatch(/reserved/);
    expect(
      modify([
        { Key: 'load_balancing.algorithm.type', Value: 'weighted_random' },
        { Key: 'slow_start.duration_seconds', Value: '30' },
      ]),
    ).toMatch(/weighted_random/);
    expect(modify([{ Key: 'nope', Value: 'x' }])).toBe(
      "InvalidConfigurationRequest: Target group attribute key 'nope' is not recognized",
    );
    const out = t.call('ModifyTargetGroupAttributes', {
      TargetGroupArn: arn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '10' }],
    }) as { Attributes: unknown[] };
    expect(out.Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '10' });
  });
});
