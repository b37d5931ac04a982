/** The pure projection from ELBv2 records to the data plane's model. */
import { describe, expect, it } from 'vitest';

import { dataPlaneModel } from './data-plane-model.js';
import type { RegisteredTargetRecord } from './records/registered-target-record.js';
import { InMemoryLoadBalancerAddressPool } from './services/addresses/load-balancer-address-pool.js';
import { basicStack, unitElbv2 } from './test-support/elbv2.test-support.js';

describe('dataPlaneModel', () => {
  it('projects listeners with rules in evaluation order, groups with algorithm and stickiness, and routed servers', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    t.call('CreateRule', {
      ListenerArn: listenerArn,
      Priority: 10,
      Conditions: [{ Field: 'query-string', QueryStringConfig: { Values: [{ Value: 'x' }] } }],
      Actions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_302' } }],
    });
    t.call('CreateRule', {
      ListenerArn: listenerArn,
      Priority: 2,
      Conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-A', Values: ['b'] } }],
      Actions: [
        {
          Type: 'fixed-response',
          FixedResponseConfig: { StatusCode: '418', ContentType: 'text/plain', MessageBody: 'tea' },
        },
      ],
    });
    t.call('ModifyTargetGroupAttributes', {
      TargetGroupArn: tgArn,
      Attributes: [
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ],
    });
    t.call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '127.1.0.2' }, { Id: '127.1.0.3' }] });
    t.call('DeregisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: '127.1.0.3' }] });
    t.call('CreateTargetGroup', { Name: 'unused', Protocol: 'HTTP', Port: 1, VpcId: 'v', TargetType: 'ip' });
    const model = dataPlaneModel(t.module.snapshot(), {
      addressOf: (target) => target.id,
      route: (target: RegisteredTargetRecord) => ({ state: target.state === 'draining' ? 'drain' : 'ready' }),
    });
    expect(model).toEqual({
      loadBalancers: [
        {
          id: '0000000000000001',
          name: 'web',
          listeners: [
            {
              id: '0000000000000003',
              bindAddress: '127.2.0.1',
              port: 80,
              protocol: 'HTTP',
              rules: [
                {
                  priority: 2,
                  conditions: [{ field: 'http-header', headerName: 'X-A', values: ['b'] }],
                  action: {
                    type: 'fixed-response',
                    statusCode: 418,
                    contentType: 'text/plain',
                    messageBody: 'tea',
                  },
                },
                {
                  priority: 10,
                  conditions: [{ field: 'query-string', values: [{ value: 'x' }] }],
                  action: {
                    type: 'redirect',
                    protocol: 'HTTPS',
                    host: '#{host}',
                    port: '#{port}',
                    path: '/#{path}',
                    query: '#{query}',
                    statusCode: 302,
                  },
                },
                {
                  priority: 'default',
                  conditions: [],
                  action: { type: 'forward', targetGroups: [{ id: '0000000000000002', weight: 1 }] },
                },
              ],
            },
          ],
        },
      ],
      targetGroups: [
        {
          id: '0000000000000002',
          name: 'web-tg',
          algorithm: 'least_outstanding_requests',
          stickiness: { type: 'lb_cookie', durationSeconds: 86400 },
          servers: [
            { name: 't_127_1_0_2_8080', address: '127.1.0.2', port: 8080, state: 'ready', weight: 100 },
            { name: 't_127_1_0_3_8080', address: '127.1.0.3', port: 8080, state: 'drain', weight: 100 },
          ],
        },
      ],
    });
  });

  it('serves file:// certificates, resolves instance targets and leaves out unresolved ones', () => {
    const t = unitElbv2();
    const { lbArn, tgArn } = basicStack(t, 'instance');
    t.call('CreateListener', {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: 'file:///certs/web.pem' }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    });
    t.call('RegisterTargets', { TargetGroupArn: tgArn, Targets: [{ Id: 'ci-1' }, { Id: 'ci-2' }] });
    const model = dataPlaneModel(t.module.snapshot(), {
      addressOf: (target) => (target.id === 'ci-1' ? '127.0.0.1' : undefined),
      route: () => ({ state: 'maint', weight: 999 }),
    });
    expect(model.loadBalancers[0]!.listeners.map((l) => l.certificatePemPath)).toEqual([
      undefined,
      '/certs/web.pem',
    ]);
    expect(model.targetGroups[0]!.servers).toEqual([
      { name: 't_127_0_0_1_8080', address: '127.0.0.1', port: 8080, state: 'maint', weight: 256 },
    ]);
  });
});

describe('InMemoryLoadBalancerAddressPool', () => {
  it('hands out the lowest free loopback address, the same one per ARN, and reuses released ones', () => {
    const pool = new InMemoryLoadBalancerAddressPool([['held', '127.2.0.1']]);
    expect(pool.allocate('a')).toBe('127.2.0.2');
    expect(pool.allocate('a')).toBe('127.2.0.2');
    expect(pool.allocate('held')).toBe('127.2.0.1');
    pool.release('held');
    expect(pool.allocate('b')).toBe('127.2.0.1');
    expect(pool.allocate('c')).toBe('127.2.0.3');
  });
});
