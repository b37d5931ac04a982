import { describe, expect, it } from 'vitest';

import type { Elbv2Snapshot } from '../data-plane-model.js';
import type { RegisteredTargetRecord } from '../records/registered-target-record.js';
import type { ObservedHealth } from '../services/targets/target-health.js';

import { FULL_WEIGHT, planDataPlane, rampedWeight, type PlanInputs } from './data-plane-plan.js';
import { TargetHealthBoard, type HealthyStart } from './target-health-board.js';

describe('rampedWeight (slow start)', () => {
  const start: HealthyStart = { since: 1_000, joinedPeers: true };
  it('grows linearly from 1 to full over the duration, then stays full', () => {
    expect(rampedWeight(start, 30_000, 1_000)).toBe(1);
    expect(rampedWeight(start, 30_000, 16_000)).toBe(50);
    expect(rampedWeight(start, 30_000, 31_000)).toBe(FULL_WEIGHT);
  });
  it('is full when slow start is off, the target is not healthy, or it turned healthy alone', () => {
    expect(rampedWeight(start, 0, 2_000)).toBe(FULL_WEIGHT);
    expect(rampedWeight(undefined, 30_000, 2_000)).toBe(FULL_WEIGHT);
    expect(rampedWeight({ since: 1_000, joinedPeers: false }, 30_000, 2_000)).toBe(FULL_WEIGHT);
  });
});

describe('TargetHealthBoard', () => {
  it('lets a target ramp only when it turns healthy beside settled healthy targets', () => {
    const board = new TargetHealthBoard();
    const healthy: ObservedHealth = { state: 'healthy' };
    const settled = (s: HealthyStart): boolean => rampedWeight(s, 10_000, 100_000) === FULL_WEIGHT;
    board.set('tg', 'a:80', healthy, 0, settled);
    expect(board.healthyStart('tg', 'a:80')).toEqual({ since: 0, joinedPeers: false });
    board.set('tg', 'b:80', healthy, 50_000, settled);
    expect(board.healthyStart('tg', 'b:80')).toEqual({ since: 50_000, joinedPeers: true });
    board.set('tg', 'b:80', { state: 'unhealthy' }, 60_000, settled);
    expect(board.healthyStart('tg', 'b:80')).toBeUndefined();
  });
});

const TG = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/tg1';

const snapshot = (targets: RegisteredTargetRecord[], slowStart = '0'): Elbv2Snapshot =>
  ({
    loadBalancers: [{ arn: 'lb', id: 'lb1', name: 'web', address: '127.2.0.1' }],
    listeners: [{ arn: 'l', id: 'l1', loadBalancerArn: 'lb', port: 80, protocol: 'HTTP', certificates: [] }],
    rules: [
      {
        listenerArn: 'l',
        priority: 'default',
        conditions: [],
        actions: [
          { type: 'forward', targetGroups: [{ targetGroupArn: TG, weight: 1 }], stickinessSeconds: null },
        ],
      },
    ],
    targetGroups: [
      {
        arn: TG,
        id: 'tg1',
        name: 'web',
        targetType: 'ip',
        healthCheck: {
          protocol: 'HTTP',
          port: 'traffic-port',
          path: '/',
          intervalSeconds: 5,
          timeoutSeconds: 2,
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 2,
          matcher: '200',
        },
        attributes: { 'slow_start.duration_seconds': slowStart },
      },
    ],
    targets,
  }) as unknown as Elbv2Snapshot;

const target = (id: string, state: 'registered' | 'draining' = 'registered'): RegisteredTargetRecord => ({
  targetGroupArn: TG,
  id,
  port: 8080,
  availabilityZone: null,
  registeredAt: 0,
  state,
  drainDeadline: state === 'draining' ? 10_000 : null,
});

const inputs = (health: Record<string, ObservedHealth['state']>, now = 0): PlanInputs => ({
  observed: (_arn, t) => (health[t.id] ? { state: health[t.id]! } : undefined),
  healthyStart: () => undefined,
  instances: () => undefined,
  now,
});

describe('planDataPlane', () => {
  it('routes to healthy targets only, drains draining ones, and checks all but draining ones', () => {
    const plan = planDataPlane(
      snapshot([target('127.1.0.1'), target('127.1.0.2'), target('127.1.0.3', 'draining')]),
      inputs({ '127.1.0.1': 'healthy', '127.1.0.2': 'initial' }),
    );
    const states = plan.model.targetGroups[0]!.servers.map((s) => [s.address, s.state]);
    expect(states).toEqual([
      ['127.1.0.1', 'ready'],
      ['127.1.0.2', 'maint'],
      ['127.1.0.3', 'drain'],
    ]);
    expect(plan.checks[0]!.targets.map((t) => [t.key, t.port])).toEqual([
      ['127.1.0.1:8080', 8080],
      ['127.1.0.2:8080', 8080],
    ]);
  });

  it('fails open when no target is healthy', () => {
    const plan = planDataPlane(
      snapshot([target('127.1.0.1'), target('127.1.0.2')]),
      inputs({ '127.1.0.1': 'unhealthy', '127.1.0.2': 'initial' }),
    );
    expect(plan.model.targetGroups[0]!.servers.map((s) => s.state)).toEqual(['ready', 'ready']);
  });

  it('gives a target in slow start its ramped weight', () => {
    const plan = planDataPlane(snapshot([target('127.1.0.1'), target('127.1.0.2')], '30'), {
      ...inputs({ '127.1.0.1': 'healthy', '127.1.0.2': 'healthy' }, 16_000),
      healthyStart: (_arn, t) => (t.id === '127.1.0.2' ? { since: 1_000, joinedPeers: true } : undefined),
    });
    expect(plan.model.targetGroups[0]!.servers.map((s) => s.weight)).toEqual([FULL_WEIGHT, 50]);
  });
});
