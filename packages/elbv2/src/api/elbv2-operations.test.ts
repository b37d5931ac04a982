/**
 * Every ELBv2 operation in botocore's model is either implemented or one of the named unsupported
 * ones, which answer OperationNotPermitted saying why.
 */
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { ELBV2_MODEL, ELBV2_OPERATIONS } from '@berth/wire/elbv2';

import { unitElbv2 } from '../test-support/elbv2.test-support.js';

import { UNSUPPORTED_ELBV2_OPERATIONS } from './unsupported-operations.js';

const botocoreOperations = (): string[] | undefined => {
  const result = spawnSync(
    'python3',
    [
      '-c',
      "import botocore.session; print('\\n'.join(botocore.session.get_session().get_service_model('elbv2').operation_names))",
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return result.status === 0 ? result.stdout.trim().split('\n').sort() : undefined;
};

describe('the ELBv2 operations', () => {
  it('are the installed botocore model’s', () => {
    const model = botocoreOperations();
    if (model === undefined) return;
    expect([...ELBV2_OPERATIONS].sort()).toEqual(model);
    expect(Object.keys(ELBV2_MODEL.operations).sort()).toEqual(model);
  });

  it('are each implemented or a named unsupported one, and the api serves ELBV2_MODEL', () => {
    const { module } = unitElbv2();
    expect(module.api.model).toBe(ELBV2_MODEL);
    expect([...module.api.operations.keys()].sort()).toEqual([...ELBV2_OPERATIONS].sort());
    expect(UNSUPPORTED_ELBV2_OPERATIONS.size).toBe(23);
  });

  it('answer OperationNotPermitted with a reason when unsupported', () => {
    const t = unitElbv2();
    for (const [name, message] of UNSUPPORTED_ELBV2_OPERATIONS) {
      expect(message).toMatch(new RegExp(`^Berth does not support ${name} \\(.+\\): .+\\.$`));
      expect(t.errorOf(name, {})).toBe(`OperationNotPermitted: ${message}`);
    }
  });
});
