import { describe, expect, it } from 'vitest';
import type { LoadBalancer } from '@berth/wire/ecs';

import type { ServiceDeployment } from '../../services/ecs-services/service-record.js';

import { planTrafficWeights, sameWeights } from './plan-traffic-weights.js';

const BLUE = 'tg/blue';
const GREEN = 'tg/green';
const paired: LoadBalancer[] = [
  {
    targetGroupArn: BLUE,
    containerName: 'web',
    containerPort: 80,
    advancedConfiguration: {
      alternateTargetGroupArn: GREEN,
      productionListenerRule: 'rule/prod',
      testListenerRule: 'rule/test',
      roleArn: 'role',
    },
  },
];

const deployment = (fields: Partial<ServiceDeployment>): ServiceDeployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinitionArn: 'td:1',
  desiredCount: 2,
  rolloutState: 'COMPLETED',
  rolloutStateReason: '',
  failedTasks: 0,
  createdAt: 0,
  updatedAt: 0,
  failedLaunches: 0,
  nextLaunchAt: 0,
  launchType: 'FARGATE',
  ...fields,
});

const shift = (productionPercent: number, testPercent: number) => ({
  phase: 3,
  phaseStartedAt: 0,
  lastShiftAt: 0,
  hooks: [],
  productionPercent,
  testPercent,
});

describe('planTrafficWeights', () => {
  it('gives a PRIMARY without a shift all the traffic, on its side', () => {
    expect(planTrafficWeights(paired, [deployment({})])).toEqual([
      {
        ruleArn: 'rule/prod',
        weights: [
          { targetGroupArn: BLUE, weight: 100 },
          { targetGroupArn: GREEN, weight: 0 },
        ],
      },
      {
        ruleArn: 'rule/test',
        weights: [
          { targetGroupArn: BLUE, weight: 100 },
          { targetGroupArn: GREEN, weight: 0 },
        ],
      },
    ]);
  });

  it("splits a shifting green's production and test shares, rounding to whole percents (never 0 for a share above 0)", () => {
    const green = deployment({
      id: 'ecs-svc/2',
      alternateTargetGroups: true,
      rolloutState: 'IN_PROGRESS',
      shift: shift(0.5, 100),
    });
    const blue = deployment({ status: 'ACTIVE' });
    const [production, test] = planTrafficWeights(paired, [green, blue]);
    expect(production?.weights).toEqual([
      { targetGroupArn: GREEN, weight: 1 },
      { targetGroupArn: BLUE, weight: 99 },
    ]);
    expect(test?.weights).toEqual([
      { targetGroupArn: GREEN, weight: 100 },
      { targetGroupArn: BLUE, weight: 0 },
    ]);
  });

  it('plans nothing without an advancedConfiguration', () => {
    expect(
      planTrafficWeights(
        [{ targetGroupArn: BLUE, containerName: 'web', containerPort: 80 }],
        [deployment({})],
      ),
    ).toEqual([]);
  });

  it('compares weights whatever their order', () => {
    const a = [
      { targetGroupArn: BLUE, weight: 1 },
      { targetGroupArn: GREEN, weight: 99 },
    ];
    expect(sameWeights([...a].reverse(), a)).toBe(true);
    expect(sameWeights([{ targetGroupArn: BLUE, weight: 1 }], a)).toBe(false);
    expect(sameWeights(undefined, a)).toBe(false);
  });
});
