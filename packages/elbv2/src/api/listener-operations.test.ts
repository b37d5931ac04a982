/** Listeners: default rules, HTTPS certificates, DuplicateListener and their ELBv2 errors. */
import { describe, expect, it } from 'vitest';

import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

type Rules = { Rules: Record<string, unknown>[]; NextMarker?: string };
type Listeners = { Listeners: Record<string, unknown>[] };

describe('CreateListener', () => {
  it('creates a listener with its default rule and echoes forward in both forms', () => {
    const t = unitElbv2();
    const { lbArn, tgArn, listenerArn } = basicStack(t);
    expect(listenerArn).toBe(
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0000000000000001/0000000000000003',
    );
    const listeners = t.call('DescribeListeners', { LoadBalancerArn: lbArn }) as Listeners;
    expect(listeners.Listeners).toEqual([
      {
        ListenerArn: listenerArn,
        LoadBalancerArn: lbArn,
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          {
            Type: 'forward',
            TargetGroupArn: tgArn,
            Order: 1,
            ForwardConfig: {
              TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      },
    ]);
    const rules = t.call('DescribeRules', { ListenerArn: listenerArn }) as Rules;
    expect(rules.Rules).toEqual([
      expect.objectContaining({
        RuleArn: expect.stringMatching(
          /:listener-rule\/app\/web\/0000000000000001\/0000000000000003\/0000000000000004$/,
        ),
        Priority: 'default',
        IsDefault: true,
        Conditions: [],
      }),
    ]);
    const tgs = t.call('DescribeTargetGroups', { LoadBalancerArn: lbArn }) as {
      TargetGroups: Record<string, unknown>[];
    };
    expect(tgs.TargetGroups[0]!['LoadBalancerArns']).toEqual([lbArn]);
  });

  it('accepts HTTPS with an arn: or file:// certificate and the default policy', () => {
    const t = unitElbv2();
    const { lbArn } = basicStack(t);
    const out = t.call('CreateListener', {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: 'file:///etc/berth/web.pem' }],
      DefaultActions: [
        { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' } },
      ],
    }) as Listeners;
    expect(out.Listeners[0]).toMatchObject({
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: 'file:///etc/berth/web.pem' }],
      SslPolicy: 'ELBSecurityPolicy-2016-08',
    });
    const https = {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTPS',
      Port: 8443,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }],
    };
    expect(t.errorOf('CreateListener', https)).toBe(
      'ValidationError: A certificate must be specified for HTTPS listeners',
    );
    expect(t.errorOf('CreateListener', { ...https, Certificates: [{ CertificateArn: '/tmp/x.pem' }] })).toBe(
      "CertificateNotFound: Certificate '/tmp/x.pem' not found",
    );
    expect(
      t.errorOf('CreateListener', {
        ...https,
        Certificates: [{ CertificateArn: 'arn:aws:acm:x' }],
        SslPolicy: 'Nope',
      }),
    ).toBe("SSLPolicyNotFound: SSL policy 'Nope' not found");
  });

  it('answers DuplicateListener, port ranges, protocols and missing resources as ELBv2 does', () => {
    const t = unitElbv2();
    const { lbArn, tgArn } = basicStack(t);
    const base = {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    };
    expect(t.errorOf('CreateListener', base)).toBe(
      'DuplicateListener: A listener already exists on this port for this load balancer',
    );
    expect(t.errorOf('CreateListener', { ...base, Port: 0 })).toBe(
      "ValidationError: 1 validation error detected: Value '0' at 'port' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(t.errorOf('CreateListener', { ...base, Port: 70000 })).toMatch(/less than or equal to 65535$/);
    expect(t.errorOf('CreateListener', { ...base, Port: 81, Protocol: 'TCP' })).toBe(
      "UnsupportedProtocol: Protocol 'TCP' is not supported for load balancers of type 'application'",
    );
    expect(t.errorOf('CreateListener', { ...base, Port: 81, DefaultActions: [] })).toBe(
      'ValidationError: At least one action must be specified',
    );
    expect(t.errorOf('CreateListener', { ...base, Port: 81, LoadBalancerArn: `${lbArn}9` })).toBe(
      `LoadBalancerNotFound: Load balancer '${lbArn}9' not found`,
    );
    expect(
      t.errorOf('CreateListener', {
        ...base,
        Port: 81,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: `${tgArn}9` }],
      }),
    ).toBe(`TargetGroupNotFound: Target groups '[${tgArn}9]' not found`);
    const other = (
      t.call('CreateLoadBalancer', { Name: 'other' }) as { LoadBalancers: { LoadBalancerArn: string }[] }
    ).LoadBalancers[0]!.LoadBalancerArn;
    expect(t.errorOf('CreateListener', { ...base, LoadBalancerArn: other })).toBe(
      `TargetGroupAssociationLimit: The following target groups cannot be associated with more than one load balancer: ${tgArn}`,
    );
    expect(t.errorOf('DescribeListeners', {})).toBe(
      'ValidationError: You must specify either listener ARNs or a load balancer ARN',
    );
    expect(t.errorOf('DescribeListeners', { ListenerArns: [`${lbArn}x`] })).toBe(
      'ListenerNotFound: One or more listeners not found',
    );
  });

  it('ModifyListener changes port and default actions; DeleteListener removes its rules', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const out = t.call('ModifyListener', {
      ListenerArn: listenerArn,
      Port: 8080,
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    }) as Listeners;
    expect(out.Listeners[0]).toMatchObject({
      Port: 8080,
      DefaultActions: [
        {
          Type: 'redirect',
          RedirectConfig: {
            Protocol: 'HTTPS',
            Port: '443',
            Host: '#{host}',
            Path: '/#{path}',
            Query: '#{query}',
            StatusCode: 'HTTP_301',
          },
        },
      ],
    });
    // The group is free again: it can be deleted.
    expect(t.call('DeleteTargetGroup', { TargetGroupArn: tgArn })).toEqual({});
    t.call('DeleteListener', { ListenerArn: listenerArn });
    expect(t.errorOf('DeleteListener', { ListenerArn: listenerArn })).toBe(
      'ListenerNotFound: One or more listeners not found',
    );
    expect(t.errorOf('DescribeRules', { ListenerArn: listenerArn })).toBe(
      'ListenerNotFound: One or more listeners not found',
    );
  });
});
