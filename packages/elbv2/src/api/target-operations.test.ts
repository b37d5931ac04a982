/** Registered targets, target health, tags, account limits, SSL policies and the use cases ECS calls. */
import { describe, expect, it } from 'vitest';

import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

type Tgs = { TargetGroups: Record<string, unknown>[] };
type Health = { TargetHealthDescriptions: Record<string, unknown>[] };
const tgInput = { Name: 'api', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'ip' };

describe('targets and their health', () => {
  it('registers, reports initial/unused/draining/not registered, and removes drained targets after the delay', () => {
    const t = unitElbv2();
    const { tgArn } = basicStack(t);
    t.call('RegisterTargets', {
      TargetGroupArn: tgArn,
      Targets: [{ Id: '127.1.0.5' }, { Id: '10.0.0.7', Port: 9000 }],
    });
    const health = t.call('DescribeTargetHealth', { TargetGroupArn: tgArn }) as Health;
    expect(health.TargetHealthDescriptions).toEqual([
      {
        Target: { Id: '10.0.0.7', Port: 9000 },
        HealthCheckPort: '9000',
        TargetHealth: {
          State: 'initial',
          Reason: 'Elb.RegistrationInProgress',
          Description: 'Target registration is in progress',
        },
      },
      {
        Target: { Id: '127.1.0.5', Port: 8080 },
        HealthCheckPort: '8080',
        TargetHealth: {
          State: 'initial',
          Reason: 'Elb.RegistrationInProgress',
          Description: 'Target registration is in progress',
        },
      },
    ]);
    const unknown = t.call('DescribeTargetHealth', {
      TargetGroupArn: tgArn,
      Targets: [{ Id: '10.9.9.9' }],
    }) as Health;
    expect(unknown.TargetHealthDescriptions[0]!['TargetHealth']).toEqual({
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    });
    t.call('DeregisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '127.1.0.5' }] });
    const draining = t.call('DescribeTargetHealth', {
      TargetGroupArn: tgArn,
      Targets: [{ Id: '127.1.0.5' }],
    }) as Health;
    expect(draining.TargetHealthDescriptions[0]!['TargetHealth']).toEqual({
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    });
    expect(t.module.services.targets.expireDrainingTargets(t.clock.now + 299_999)).toEqual([]);
    expect(t.module.services.targets.expireDrainingTargets(t.clock.now + 300_000)).toEqual([
      expect.objectContaining({
        id: '127.1.0.5',
        port: 8080,
        state: 'draining',
        drainDeadline: t.clock.now + 300_000,
      }),
    ]);
    expect(
      (t.call('DescribeTargetHealth', { TargetGroupArn: tgArn }) as Health).TargetHealthDescriptions.length,
    ).toBe(1);
  });

  it('reads observed health from the TargetHealthSource, and unused when no load balancer uses the group', () => {
    const t = unitElbv2({
      health: {
        observed: (_tg, target) =>
          target.port === 8080
            ? { state: 'healthy' }
            : { state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out' },
      },
    });
    const { tgArn } = basicStack(t);
    t.call('RegisterTargets', {
      TargetGroupArn: tgArn,
      Targets: [{ Id: '10.0.0.1' }, { Id: '10.0.0.2', Port: 81 }],
    });
    const states = (
      t.call('DescribeTargetHealth', { TargetGroupArn: tgArn }) as Health
    ).TargetHealthDescriptions.map((d) => d['TargetHealth']);
    expect(states).toEqual([
      { State: 'healthy' },
      { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' },
    ]);
    const lone = (t.call('CreateTargetGroup', tgInput) as Tgs).TargetGroups[0]!['TargetGroupArn'];
    t.call('RegisterTargets', { TargetGroupArn: lone, Targets: [{ Id: '10.0.0.1' }] });
    expect(
      (t.call('DescribeTargetHealth', { TargetGroupArn: lone }) as Health).TargetHealthDescriptions[0]![
        'TargetHealth'
      ],
    ).toMatchObject({
      State: 'unused',
      Reason: 'Target.NotInUse',
    });
  });

  it('refuses ip targets outside private, shared and loopback ranges, and unregistered deregistrations', () => {
    const t = unitElbv2();
    const { tgArn } = basicStack(t);
    expect(t.errorOf('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '8.8.8.8' }] })).toMatch(
      /^InvalidTarget: The IP address '8\.8\.8\.8' is not in a private/,
    );
    expect(t.errorOf('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: 'i-123' }] })).toBe(
      "InvalidTarget: The IP address 'i-123' is not a valid IPv4 address",
    );
    for (const ok of ['100.64.0.1', '172.31.0.1', '192.168.1.1', '127.0.0.1'])
      expect(t.errorOf('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: ok }] })).toBe('none');
    expect(
      t.errorOf('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.1', Port: 0 }] }),
    ).toMatch(/^ValidationError: /);
    expect(t.errorOf('DeregisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.99' }] })).toBe(
      `InvalidTarget: The following targets are not registered in target group '${tgArn}': 10.0.0.99:8080`,
    );
    expect(t.errorOf('RegisterTargets', { TargetGroupArn: `${tgArn}0`, Targets: [{ Id: '10.0.0.1' }] })).toBe(
      `TargetGroupNotFound: Target group '${tgArn}0' not found`,
    );
  });

  it('keeps instance ids as strings', () => {
    const t = unitElbv2();
    const { tgArn } = basicStack(t, 'instance');
    t.call('RegisterTargets', {
      TargetGroupArn: tgArn,
      Targets: [{ Id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }],
    });
    const d = (t.call('DescribeTargetHealth', { TargetGroupArn: tgArn }) as Health)
      .TargetHealthDescriptions[0]!;
    expect(d['Target']).toEqual({ Id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', Port: 8080 });
  });
});

describe('tags', () => {
  it('adds, removes and describes tags on every resource type, with ELBv2 errors', () => {
    const t = unitElbv2();
    const { lbArn, tgArn, listenerArn } = basicStack(t);
    t.call('AddTags', {
      ResourceArns: [lbArn, tgArn, listenerArn],
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
    t.call('RemoveTags', { ResourceArns: [tgArn], TagKeys: ['a'] });
    const out = t.call('DescribeTags', { ResourceArns: [lbArn, tgArn] }) as { TagDescriptions: unknown[] };
    expect(out.TagDescriptions).toEqual([
      {
        ResourceArn: lbArn,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
      },
      { ResourceArn: tgArn, Tags: [{ Key: 'b', Value: '2' }] },
    ]);
    expect(t.errorOf('AddTags', { ResourceArns: [lbArn], Tags: [{ Key: 'a' }, { Key: 'a' }] })).toBe(
      "DuplicateTagKeys: Tag key 'a' was specified more than once",
    );
    expect(t.errorOf('AddTags', { ResourceArns: [lbArn], Tags: [{ Key: 'aws:x' }] })).toMatch(
      /^ValidationError: .*reserved/,
    );
    expect(t.errorOf('DescribeTags', { ResourceArns: [`${tgArn}0`] })).toBe(
      `TargetGroupNotFound: Target groups '[${tgArn}0]' not found`,
    );
    expect(t.errorOf('DescribeTags', { ResourceArns: [`${listenerArn}0`] })).toBe(
      'ListenerNotFound: One or more listeners not found',
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` }));
    expect(t.errorOf('AddTags', { ResourceArns: [lbArn], Tags: many })).toMatch(/^TooManyTags: /);
  });
});

describe('account limits and SSL policies', () => {
  it('answers fixed lists', () => {
    const t = unitElbv2();
    const limits = t.call('DescribeAccountLimits', {}) as { Limits: { Name: string }[] };
    expect(limits.Limits.map((l) => l.Name)).toContain('rules-per-application-load-balancer');
    const policies = t.call('DescribeSSLPolicies', { Names: ['ELBSecurityPolicy-TLS13-1-2-2021-06'] }) as {
      SslPolicies: { Name: string }[];
    };
    expect(policies.SslPolicies.map((p) => p.Name)).toEqual(['ELBSecurityPolicy-TLS13-1-2-2021-06']);
    expect(t.errorOf('DescribeSSLPolicies', { Names: ['nope'] })).toMatch(/^ValidationError: /);
  });
});

describe('the use cases ECS calls', () => {
  it('register, read health and settings, deregister, and check a service’s load balancer entry', () => {
    const t = unitElbv2();
    const { tgArn } = basicStack(t);
    const p = { accountId: '123456789012', region: 'us-east-1' };
    const cases = t.module.useCases;
    cases.registerTargets(p, tgArn, [{ id: '127.1.0.9', port: 32768 }]);
    expect(cases.targetHealth(p, tgArn)).toEqual([
      { id: '127.1.0.9', port: 32768, health: expect.objectContaining({ State: 'initial' }) },
    ]);
    expect(cases.targetGroupSettings(p, tgArn)).toMatchObject({
      targetType: 'ip',
      deregistrationDelaySeconds: 300,
      healthCheck: { path: '/', intervalSeconds: 30 },
      loadBalancerArns: [expect.stringContaining(':loadbalancer/app/web/')],
    });
    expect(cases.checkServiceLoadBalancer(p, { targetGroupArn: tgArn, networkMode: 'awsvpc' }).ok).toBe(true);
    expect(cases.checkServiceLoadBalancer(p, { targetGroupArn: tgArn, networkMode: 'bridge' })).toEqual({
      ok: false,
      reason: expect.stringContaining('incompatible with the bridge network mode'),
    });
    expect(cases.checkServiceLoadBalancer(p, { targetGroupArn: `${tgArn}0`, networkMode: 'awsvpc' }).ok).toBe(
      false,
    );
    cases.deregisterTargets(p, tgArn, [{ id: '127.1.0.9', port: 32768 }]);
    expect(cases.targetHealth(p, tgArn)[0]!.health.State).toBe('draining');
  });
});
