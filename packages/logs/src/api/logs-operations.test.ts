/**
 * Every Logs operation in botocore's model is either implemented or classed as unsupported,
 * answering InvalidOperationException saying why.
 */
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { LOGS_MODEL, LOGS_OPERATIONS } from '@berth/wire/logs';

import { unitLogs } from '../test-support/logs.test-support.js';

import { unsupportedLogsOperations } from './unsupported-operations.js';

const botocoreOperations = (): string[] | undefined => {
  const result = spawnSync(
    'python3',
    [
      '-c',
      "import botocore.session; print('\\n'.join(botocore.session.get_session().get_service_model('logs').operation_names))",
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return result.status === 0 ? result.stdout.trim().split('\n').sort() : undefined;
};

const IMPLEMENTED = [
  'CreateLogGroup',
  'CreateLogStream',
  'DeleteLogGroup',
  'DeleteLogStream',
  'DeleteMetricFilter',
  'DeleteRetentionPolicy',
  'DeleteSubscriptionFilter',
  'DescribeLogGroups',
  'DescribeLogStreams',
  'DescribeMetricFilters',
  'DescribeSubscriptionFilters',
  'FilterLogEvents',
  'GetLogEvents',
  'ListLogGroups',
  'ListTagsForResource',
  'ListTagsLogGroup',
  'PutLogEvents',
  'PutMetricFilter',
  'PutRetentionPolicy',
  'PutSubscriptionFilter',
  'TagLogGroup',
  'TagResource',
  'TestMetricFilter',
  'UntagLogGroup',
  'UntagResource',
];

describe('the Logs operations', () => {
  it('are the installed botocore model’s', () => {
    const model = botocoreOperations();
    if (model === undefined) return;
    expect([...LOGS_OPERATIONS].sort()).toEqual(model);
    expect(Object.keys(LOGS_MODEL.operations).sort()).toEqual(model);
  });

  it('are each implemented or a classed unsupported one, and the api serves LOGS_MODEL', () => {
    const { module } = unitLogs();
    expect(module.api.model).toBe(LOGS_MODEL);
    expect(module.api.model.metadata).toMatchObject({ targetPrefix: 'Logs_20140328', signingName: 'logs' });
    expect([...module.api.operations.keys()].sort()).toEqual([...LOGS_OPERATIONS].sort());
    const unsupported = unsupportedLogsOperations(new Set(IMPLEMENTED));
    expect(unsupported.size).toBe(LOGS_OPERATIONS.length - IMPLEMENTED.length);
    const unclassed = [...unsupported].filter(([, message]) => message === undefined).map(([name]) => name);
    expect(unclassed).toEqual([]);
  });

  it('answer InvalidOperationException with a reason when unsupported', async () => {
    const t = unitLogs();
    for (const [name, message] of unsupportedLogsOperations(new Set(IMPLEMENTED))) {
      expect(message).toMatch(new RegExp(`^Berth does not support ${name} \\(.+\\): .+\\.$`));
      expect(await t.errorOf(name, {})).toBe(`InvalidOperationException: ${message}`);
    }
  });
});
