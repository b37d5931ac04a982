import { describe, expect, it } from 'vitest';

import type { LoadBalancerTargetMark, TaskRecord } from '../../services/records.js';
import type {
  LoadBalancerTargetHealth,
  TargetGroupFacts,
} from '../../services/load-balancing/load-balancing.js';

import { planTargetRegistration, type RegistrationInput } from './plan-target-registration.js';

const IP_TG = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ip/0000000000000001';
const INSTANCE_TG = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/inst/0000000000000002';
const groups = new Map<string, TargetGroupFacts>([
  [
    IP_TG,
    { targetGroupArn: IP_TG, targetType: 'ip', loadBalancerArns: ['lb'], deregistrationDelaySeconds: 30 },
  ],
  [
    INSTANCE_TG,
    {
      targetGroupArn: INSTANCE_TG,
      targetType: 'instance',
      loadBalancerArns: ['lb'],
      deregistrationDelaySeconds: 0,
    },
  ],
]);

const task = (id: string, fields: Record<string, unknown>, extra: Partial<TaskRecord> = {}): TaskRecord =>
  ({
    clusterArn: 'c',
    task: {
      taskArn: `arn:task/${id}`,
      desiredStatus: 'RUNNING',
      lastStatus: 'RUNNING',
      containerInstanceArn: 'ci-1',
      containers: [{ name: 'web', networkBindings: [{ containerPort: 80, hostPort: 32771 }] }],
      ...fields,
    },
    ...extra,
  }) as unknown as TaskRecord;

const input = (
  tasks: TaskRecord[],
  overrides: Partial<RegistrationInput> = {},
  health: LoadBalancerTargetHealth = { state: 'healthy' },
): RegistrationInput => ({
  now: 1000,
  serviceName: 'web',
  loadBalancers: [{ targetGroupArn: IP_TG, containerName: 'web', containerPort: 80 }],
  targetGroups: groups,
  tasks,
  instanceIdOf: (arn) => (arn === 'ci-1' ? 'i-0123' : undefined),
  healthOf: () => health,
  alternateDeployments: new Set(),
  ...overrides,
});

const mark = (tg: string, id: string, port: number): LoadBalancerTargetMark => ({
  targetGroupArn: tg,
  id,
  port,
  containerName: 'web',
  containerPort: 80,
});

describe('planTargetRegistration', () => {
  it('registers RUNNING awsvpc tasks by IP and container port, once', () => {
    const fresh = task('a', {}, { address: '127.1.0.5' });
    const plan = planTargetRegistration(input([fresh], {}, { state: 'unused' }));
    expect(plan.register.get(IP_TG)).toEqual([{ id: '127.1.0.5', port: 80 }]);
    expect(plan.marks.get('arn:task/a')).toEqual([mark(IP_TG, '127.1.0.5', 80)]);
    expect(plan.events).toEqual([`(service web) registered 1 targets in (target-group ${IP_TG})`]);
    const registered = task(
      'a',
      {},
      { address: '127.1.0.5', loadBalancerTargets: [mark(IP_TG, '127.1.0.5', 80)] },
    );
    const again = planTargetRegistration(input([registered]));
    expect([again.register.size, again.marks.size, again.events.length]).toEqual([0, 0, 0]);
  });

  it('registers bridge tasks by instance id and the host port bound to the container port', () => {
    const plan = planTargetRegistration(
      input([task('b', {})], {
        loadBalancers: [{ targetGroupArn: INSTANCE_TG, containerName: 'web', containerPort: 80 }],
      }),
    );
    expect(plan.register.get(INSTANCE_TG)).toEqual([{ id: 'i-0123', port: 32771 }]);
  });

  it('waits for a task that is not RUNNING or whose address is not known yet', () => {
    const pending = task('p', { lastStatus: 'PENDING' }, { address: '127.1.0.6' });
    const noAddress = task('n', {});
    const plan = planTargetRegistration(input([pending, noAddress]));
    expect([plan.register.size, plan.marks.size]).toEqual([0, 0]);
  });

  it('drains a stopping task and releases it after the deregistration delay, or once the target is gone', () => {
    const stopping = task(
      's',
      { desiredStatus: 'STOPPED', lastStatus: 'DEACTIVATING', stoppingAt: 990 },
      { address: '127.1.0.7', loadBalancerTargets: [mark(IP_TG, '127.1.0.7', 80)] },
    );
    const first = planTargetRegistration(input([stopping]));
    expect(first.deregister.get(IP_TG)).toEqual([{ id: '127.1.0.7', port: 80 }]);
    expect(first.marks.size).toBe(0);
    expect(first.events).toEqual([`(service web) deregistered 1 targets in (target-group ${IP_TG})`]);
    const draining = planTargetRegistration(input([stopping], {}, { state: 'draining' }));
    expect([draining.marks.size, draining.events.length]).toEqual([0, 0]);
    const late = planTargetRegistration(input([stopping], { now: 1020 }, { state: 'draining' }));
    expect(late.marks.get('arn:task/s')).toEqual([]);
    const gone = planTargetRegistration(input([stopping], {}, { state: 'unused' }));
    expect(gone.marks.get('arn:task/s')).toEqual([]);
  });

  it('releases a task that stopped by itself at once', () => {
    const crashed = task(
      'x',
      { desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stoppingAt: 999 },
      { address: '127.1.0.8', loadBalancerTargets: [mark(IP_TG, '127.1.0.8', 80)] },
    );
    const plan = planTargetRegistration(input([crashed]));
    expect(plan.deregister.get(IP_TG)).toHaveLength(1);
    expect(plan.marks.get('arn:task/x')).toEqual([]);
  });

  it('moves running tasks off target groups the service no longer names', () => {
    const registered = task(
      'm',
      {},
      { address: '127.1.0.9', loadBalancerTargets: [mark(IP_TG, '127.1.0.9', 80)] },
    );
    const plan = planTargetRegistration(
      input([registered], {
        loadBalancers: [{ targetGroupArn: INSTANCE_TG, containerName: 'web', containerPort: 80 }],
      }),
    );
    expect(plan.deregister.get(IP_TG)).toEqual([{ id: '127.1.0.9', port: 80 }]);
    expect(plan.register.get(INSTANCE_TG)).toEqual([{ id: 'i-0123', port: 32771 }]);
  });

  it('puts a task into the alternate target group when its deployment is on the alternate side', () => {
    const ALT_TG = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/alt/0000000000000003';
    const withAlternate = new Map(groups).set(ALT_TG, { ...groups.get(IP_TG)!, targetGroupArn: ALT_TG });
    const paired = [
      {
        targetGroupArn: IP_TG,
        containerName: 'web',
        containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: ALT_TG, productionListenerRule: 'rule' },
      },
    ];
    const blue = task('b', { startedBy: 'ecs-svc/1' }, { address: '127.1.0.10' });
    const green = task('g', { startedBy: 'ecs-svc/2' }, { address: '127.1.0.11' });
    const plan = planTargetRegistration(
      input([blue, green], {
        loadBalancers: paired,
        targetGroups: withAlternate,
        alternateDeployments: new Set(['ecs-svc/2']),
      }),
    );
    expect(plan.register.get(IP_TG)).toEqual([{ id: '127.1.0.10', port: 80 }]);
    expect(plan.register.get(ALT_TG)).toEqual([{ id: '127.1.0.11', port: 80 }]);
  });
});
