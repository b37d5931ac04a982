/**
 * Every CloudWatch operation in botocore's model is either implemented or a named unsupported one,
 * which answers InvalidAction saying Berth does not implement it yet.
 */
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { CLOUDWATCH_MODEL, CLOUDWATCH_OPERATIONS } from '@berth/wire/cloudwatch';

import { unitCloudWatch } from '../test-support/cloudwatch.test-support.js';

import { UNSUPPORTED_CLOUDWATCH_OPERATIONS } from './unsupported-operations.js';

const IMPLEMENTED = [
  'GetMetricData',
  'GetMetricStatistics',
  'ListMetrics',
  'PutMetricData',
  'PutMetricAlarm',
  'PutCompositeAlarm',
  'DescribeAlarms',
  'DescribeAlarmsForMetric',
  'DescribeAlarmHistory',
  'SetAlarmState',
  'EnableAlarmActions',
  'DisableAlarmActions',
  'DeleteAlarms',
  'ListTagsForResource',
  'TagResource',
  'UntagResource',
];

const botocoreOperations = (): string[] | undefined => {
  const result = spawnSync(
    'python3',
    [
      '-c',
      "import botocore.session; print('\\n'.join(botocore.session.get_session().get_service_model('cloudwatch').operation_names))",
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return result.status === 0 ? result.stdout.trim().split('\n').sort() : undefined;
};

describe('the CloudWatch operations', () => {
  it('are the installed botocore model’s', () => {
    const model = botocoreOperations();
    if (model === undefined) return;
    expect([...CLOUDWATCH_OPERATIONS].sort()).toEqual(model);
    expect(Object.keys(CLOUDWATCH_MODEL.operations).sort()).toEqual(model);
  });

  it('are each implemented or a named unsupported one, and the api serves CLOUDWATCH_MODEL', () => {
    const { module } = unitCloudWatch();
    expect(module.api.model).toBe(CLOUDWATCH_MODEL);
    expect([...module.api.operations.keys()].sort()).toEqual([...CLOUDWATCH_OPERATIONS].sort());
    expect([...UNSUPPORTED_CLOUDWATCH_OPERATIONS.keys(), ...IMPLEMENTED].sort()).toEqual(
      [...CLOUDWATCH_OPERATIONS].sort(),
    );
  });

  it('answer InvalidAction saying what Berth does not implement', async () => {
    const t = unitCloudWatch();
    for (const [name, message] of UNSUPPORTED_CLOUDWATCH_OPERATIONS) {
      expect(message).toMatch(new RegExp(`^Berth does not implement ${name} \\(.+\\) yet: `));
      expect(await t.errorOf(name, {})).toBe(`InvalidAction: ${message}`);
    }
  });
});
