/** deploymentConfiguration.alarms: checked, kept, and refused only where no CloudWatch is wired. */
import { ApiError } from '@berth/core';
import { describe, expect, it } from 'vitest';

import { checkAlarmsSupported, deploymentConfigurationOf } from './service-request.js';

const errorOf = (work: () => unknown): string => {
  try {
    work();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  }
};

describe('deployment alarms in deploymentConfiguration', () => {
  it('are kept as given, enabled or not', () => {
    const alarms = { alarmNames: ['errors'], enable: true, rollback: true };
    expect(deploymentConfigurationOf('REPLICA', { alarms }).alarms).toEqual(alarms);
    const kept = deploymentConfigurationOf(
      'REPLICA',
      { maximumPercent: 150 },
      { alarms, maximumPercent: 200 },
    );
    expect(kept.alarms).toEqual(alarms);
  });

  it('need alarm names when enabled, and booleans', () => {
    expect(
      errorOf(() =>
        deploymentConfigurationOf('REPLICA', { alarms: { alarmNames: [], enable: true, rollback: false } }),
      ),
    ).toBe(
      'InvalidParameterException: deploymentConfiguration.alarms.alarmNames must name at least one alarm when enable is true.',
    );
    expect(
      errorOf(() =>
        deploymentConfigurationOf('REPLICA', {
          alarms: { alarmNames: [''], enable: false, rollback: false },
        }),
      ),
    ).toMatch(/^InvalidParameterException: deploymentConfiguration.alarms.alarmNames must be a list/);
    expect(
      errorOf(() =>
        deploymentConfigurationOf('REPLICA', {
          alarms: { alarmNames: ['a'], enable: 'yes' as never, rollback: false },
        }),
      ),
    ).toMatch(/must be booleans/);
  });

  it('are refused, enabled, only by a control plane without CloudWatch alarms', () => {
    const on = deploymentConfigurationOf('REPLICA', {
      alarms: { alarmNames: ['a'], enable: true, rollback: false },
    });
    const off = deploymentConfigurationOf('REPLICA', {
      alarms: { alarmNames: ['a'], enable: false, rollback: false },
    });
    expect(errorOf(() => checkAlarmsSupported(on, false))).toMatch(/^UnsupportedFeatureException: /);
    expect(errorOf(() => checkAlarmsSupported(on, true))).toBe('none');
    expect(errorOf(() => checkAlarmsSupported(off, false))).toBe('none');
  });
});
