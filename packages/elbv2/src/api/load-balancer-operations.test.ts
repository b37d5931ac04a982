/** CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer and the load balancer attributes. */
import { describe, expect, it } from 'vitest';

import { CTX, unitElbv2 } from '../test-support/elbv2.test-support.js';

type Lbs = { LoadBalancers: Record<string, unknown>[]; NextMarker?: string };

describe('CreateLoadBalancer', () => {
  it('creates a provisioning ALB with an AWS-shaped ARN, DNS name, zones and its own loopback address', () => {
    const t = unitElbv2();
    const out = t.call('CreateLoadBalancer', {
      Name: 'web',
      Subnets: ['subnet-aaa', 'subnet-bbb'],
      SecurityGroups: ['sg-1'],
      Scheme: 'internal',
      Tags: [{ Key: 'team', Value: 'a' }],
    }) as Lbs;
    const lb = out.LoadBalancers[0]!;
    expect(lb).toEqual({
      LoadBalancerArn:
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0000000000000001',
      DNSName: 'web-0000000001.us-east-1.elb.localhost',
      CanonicalHostedZoneId: expect.any(String),
      CreatedTime: 1_700_000_000,
      LoadBalancerName: 'web',
      Scheme: 'internal',
      VpcId: expect.stringMatching(/^vpc-/),
      State: { Code: 'provisioning' },
      Type: 'application',
      AvailabilityZones: [
        {
          ZoneName: 'us-east-1a',
          SubnetId: 'subnet-aaa',
          LoadBalancerAddresses: [{ IpAddress: '127.2.0.1' }],
        },
        {
          ZoneName: 'us-east-1b',
          SubnetId: 'subnet-bbb',
          LoadBalancerAddresses: [{ IpAddress: '127.2.0.1' }],
        },
      ],
      SecurityGroups: ['sg-1'],
      IpAddressType: 'ipv4',
    });
    const second = (t.call('CreateLoadBalancer', { Name: 'api' }) as Lbs).LoadBalancers[0]!;
    expect(second['AvailabilityZones']).toEqual([
      { ZoneName: 'us-east-1a', LoadBalancerAddresses: [{ IpAddress: '127.2.0.2' }] },
    ]);
    expect(t.call('DescribeTags', { ResourceArns: [lb['LoadBalancerArn']] })).toEqual({
      TagDescriptions: [{ ResourceArn: lb['LoadBalancerArn'], Tags: [{ Key: 'team', Value: 'a' }] }],
    });
  });

  it('is idempotent for the same settings and refuses the same name with others', () => {
    const t = unitElbv2();
    const first = (t.call('CreateLoadBalancer', { Name: 'web' }) as Lbs).LoadBalancers[0];
    expect((t.call('CreateLoadBalancer', { Name: 'web' }) as Lbs).LoadBalancers[0]).toEqual(first);
    expect(t.errorOf('CreateLoadBalancer', { Name: 'web', Scheme: 'internal' })).toBe(
      "DuplicateLoadBalancerName: A load balancer with the same name 'web' exists, but with different settings",
    );
  });

  it('validates names, type, scheme and address type', () => {
    const t = unitElbv2();
    expect(t.errorOf('CreateLoadBalancer', { Name: 'a'.repeat(33) })).toMatch(
      /^ValidationError: .*cannot be longer than '32'/,
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 'bad_name' })).toMatch(/^ValidationError: .*alphanumeric/);
    expect(t.errorOf('CreateLoadBalancer', { Name: '-web' })).toMatch(/^ValidationError: .*hyphen/);
    expect(t.errorOf('CreateLoadBalancer', { Name: 'internal-web' })).toMatch(
      /^ValidationError: .*'internal-'/,
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 'n', Type: 'network' })).toBe(
      'OperationNotPermitted: Berth does not support network load balancers: only Application Load Balancers (Type application) are implemented, over an HTTP data plane.',
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 'g', Type: 'gateway' })).toMatch(
      /^OperationNotPermitted: Berth does not support gateway/,
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 'd', IpAddressType: 'dualstack' })).toMatch(
      /^OperationNotPermitted: Berth does not support IpAddressType 'dualstack'/,
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 's', Scheme: 'public' })).toMatch(
      /^ValidationError: 1 validation error detected: Value 'public' at 'scheme'/,
    );
    expect(t.errorOf('CreateLoadBalancer', { Name: 's', Subnets: ['nope'] })).toBe(
      "SubnetNotFound: The subnet ID 'nope' is not valid",
    );
  });
});

describe('DescribeLoadBalancers', () => {
  it('filters by names or ARNs, pages with Marker/PageSize, and names what is missing', () => {
    const t = unitElbv2();
    const arns = ['a', 'b', 'c'].map(
      (name) =>
        (t.call('CreateLoadBalancer', { Name: name }) as Lbs).LoadBalancers[0]!['LoadBalancerArn'] as string,
    );
    const page1 = t.call('DescribeLoadBalancers', { PageSize: 2 }) as Lbs;
    expect(page1.LoadBalancers.map((lb) => lb['LoadBalancerName'])).toEqual(['a', 'b']);
    const page2 = t.call('DescribeLoadBalancers', { PageSize: 2, Marker: page1.NextMarker }) as Lbs;
    expect(page2).toEqual({ LoadBalancers: [expect.objectContaining({ LoadBalancerName: 'c' })] });
    expect((t.call('DescribeLoadBalancers', { Names: ['b'] }) as Lbs).LoadBalancers.length).toBe(1);
    expect(
      (t.call('DescribeLoadBalancers', { LoadBalancerArns: [arns[2]] }) as Lbs).LoadBalancers[0]![
        'LoadBalancerName'
      ],
    ).toBe('c');
    expect(t.errorOf('DescribeLoadBalancers', { Names: ['zz', 'a'] })).toBe(
      "LoadBalancerNotFound: Load balancers '[zz]' not found",
    );
    expect(t.errorOf('DescribeLoadBalancers', { Names: ['a'], LoadBalancerArns: [arns[0]] })).toMatch(
      /^ValidationError: /,
    );
    expect(t.errorOf('DescribeLoadBalancers', { PageSize: 0 })).toMatch(
      /^ValidationError: 1 validation error detected: Value '0' at 'pageSize'/,
    );
    const other = { ...CTX, partition: { accountId: '123456789012', region: 'eu-west-1' } };
    expect(t.call('DescribeLoadBalancers', {}, other)).toEqual({ LoadBalancers: [] });
  });
});

describe('markActive', () => {
  it('moves a load balancer from provisioning to active', () => {
    const t = unitElbv2();
    const arn = (t.call('CreateLoadBalancer', { Name: 'web' }) as Lbs).LoadBalancers[0]![
      'LoadBalancerArn'
    ] as string;
    expect(t.module.services.loadBalancers.markActive(arn)).toBe(true);
    expect((t.call('DescribeLoadBalancers', {}) as Lbs).LoadBalancers[0]!['State']).toEqual({
      Code: 'active',
    });
    expect(t.module.services.loadBalancers.markActive(`${arn}0`)).toBe(false);
  });
});

describe('load balancer attributes and DeleteLoadBalancer', () => {
  it('reports ALB defaults, validates changes, and honours deletion protection', () => {
    const t = unitElbv2();
    const arn = (t.call('CreateLoadBalancer', { Name: 'web' }) as Lbs).LoadBalancers[0]![
      'LoadBalancerArn'
    ] as string;
    const attrs = (
      t.call('DescribeLoadBalancerAttributes', { LoadBalancerArn: arn }) as { Attributes: unknown[] }
    ).Attributes;
    expect(attrs).toContainEqual({ Key: 'idle_timeout.timeout_seconds', Value: '60' });
    expect(attrs).toContainEqual({ Key: 'deletion_protection.enabled', Value: 'false' });
    expect(attrs).toContainEqual({ Key: 'routing.http2.enabled', Value: 'true' });
    const modified = t.call('ModifyLoadBalancerAttributes', {
      LoadBalancerArn: arn,
      Attributes: [
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.xff_header_processing.mode', Value: 'preserve' },
      ],
    }) as { Attributes: unknown[] };
    expect(modified.Attributes).toContainEqual({
      Key: 'routing.http.xff_header_processing.mode',
      Value: 'preserve',
    });
    expect(
      t.errorOf('ModifyLoadBalancerAttributes', {
        LoadBalancerArn: arn,
        Attributes: [{ Key: 'nope', Value: '1' }],
      }),
    ).toBe("InvalidConfigurationRequest: Load balancer attribute key 'nope' is not recognized");
    expect(
      t.errorOf('ModifyLoadBalancerAttributes', {
        LoadBalancerArn: arn,
        Attributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '0' }],
      }),
    ).toMatch(/^InvalidConfigurationRequest: /);
    expect(t.errorOf('DeleteLoadBalancer', { LoadBalancerArn: arn })).toBe(
      `OperationNotPermitted: Load balancer '${arn}' cannot be deleted because deletion protection is enabled`,
    );
    t.call('ModifyLoadBalancerAttributes', {
      LoadBalancerArn: arn,
      Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }],
    });
    expect(t.call('DeleteLoadBalancer', { LoadBalancerArn: arn })).toEqual({});
    expect(t.call('DeleteLoadBalancer', { LoadBalancerArn: arn })).toEqual({});
    expect(t.errorOf('DescribeLoadBalancerAttributes', { LoadBalancerArn: arn })).toBe(
      `LoadBalancerNotFound: Load balancer '${arn}' not found`,
    );
    // The address is free again.
    const next = (t.call('CreateLoadBalancer', { Name: 'again' }) as Lbs).LoadBalancers[0]!;
    expect(next['AvailabilityZones']).toEqual([
      expect.objectContaining({ LoadBalancerAddresses: [{ IpAddress: '127.2.0.1' }] }),
    ]);
  });
});
