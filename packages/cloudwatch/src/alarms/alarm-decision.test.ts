import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  decideAlarmState,
  evaluationRange,
  longReasonDate,
  periodsToEvaluate,
  reasonDate,
  type DecisionInput,
} from './alarm-decision.js';

/** 2026-12-03T14:20:00Z */
const END = Date.UTC(2026, 11, 3, 14, 20, 0);
const PERIOD = 60;

const input = (values: readonly (number | undefined)[], over: Partial<DecisionInput> = {}): DecisionInput => {
  // values[0] is the newest period.
  const periods = values.map((_, i) => END - (i + 1) * PERIOD * 1000);
  const map = new Map<number, number>();
  values.forEach((v, i) => {
    if (v !== undefined) map.set(periods[i]!, v);
  });
  return {
    current: 'OK',
    comparison: 'GreaterThanThreshold',
    threshold: 70,
    evaluationPeriods: values.length,
    datapointsToAlarm: values.length,
    treatMissingData: 'missing',
    period: PERIOD,
    statistic: 'Average',
    periods,
    values: map,
    now: END + 5000,
    ...over,
  };
};

describe('the alarm decision', () => {
  it('goes to ALARM when M of N breach, worded as CloudWatch words it', () => {
    const d = decideAlarmState(input([75, 80, 90]));
    expect(d?.value).toBe('ALARM');
    expect(d?.reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [75.0 (03/12/26 14:19:00), 80.0 (03/12/26 14:18:00), ' +
        '90.0 (03/12/26 14:17:00)] were greater than the threshold (70.0) (minimum 3 datapoints for OK -> ALARM transition).',
    );
    expect(JSON.parse(d!.reasonData!)).toMatchObject({
      version: '1.0',
      statistic: 'Average',
      period: 60,
      threshold: 70,
      recentDatapoints: [75, 80, 90],
    });
  });

  it('uses the one-datapoint wording for 1 of 1', () => {
    expect(decideAlarmState(input([71.5]))?.reason).toBe(
      'Threshold Crossed: 1 datapoint [71.5 (03/12/26 14:19:00)] was greater than the threshold (70.0).',
    );
    expect(decideAlarmState(input([3], { current: 'ALARM' }))?.reason).toBe(
      'Threshold Crossed: 1 datapoint [3.0 (03/12/26 14:19:00)] was not greater than the threshold (70.0).',
    );
  });

  it('stays OK with fewer than DatapointsToAlarm breaching, naming the ones that do not', () => {
    const d = decideAlarmState(input([75, 10, 90], { current: 'ALARM', datapointsToAlarm: 3 }));
    expect(d?.value).toBe('OK');
    expect(d?.reason).toBe(
      'Threshold Crossed: 1 out of the last 3 datapoints [10.0 (03/12/26 14:18:00)] was not greater than the ' +
        'threshold (70.0) (minimum 1 datapoint for ALARM -> OK transition).',
    );
    expect(decideAlarmState(input([75, 10, 90], { datapointsToAlarm: 2 }))?.value).toBe('ALARM');
  });

  it('treats missing data as TreatMissingData says', () => {
    const none = [undefined, undefined, undefined];
    expect(decideAlarmState(input(none))).toMatchObject({
      value: 'INSUFFICIENT_DATA',
      reason: 'Insufficient Data: 3 datapoints were unknown.',
    });
    expect(decideAlarmState(input(none, { treatMissingData: 'ignore', current: 'ALARM' }))).toBeUndefined();
    expect(decideAlarmState(input(none, { treatMissingData: 'breaching' }))).toMatchObject({
      value: 'ALARM',
      reason:
        'Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].',
    });
    expect(decideAlarmState(input(none, { treatMissingData: 'notBreaching' }))?.value).toBe('OK');
    expect(
      decideAlarmState(input([75, undefined, undefined], { treatMissingData: 'breaching' }))?.value,
    ).toBe('ALARM');
    expect(
      decideAlarmState(input([75, undefined, undefined], { treatMissingData: 'notBreaching' }))?.value,
    ).toBe('OK');
  });

  it('compares as each operator says', () => {
    expect(decideAlarmState(input([70], { comparison: 'GreaterThanThreshold' }))?.value).toBe('OK');
    expect(decideAlarmState(input([70], { comparison: 'GreaterThanOrEqualToThreshold' }))?.value).toBe(
      'ALARM',
    );
    expect(decideAlarmState(input([70], { comparison: 'LessThanThreshold' }))?.value).toBe('OK');
    expect(decideAlarmState(input([70], { comparison: 'LessThanOrEqualToThreshold' }))?.reason).toContain(
      'was less than or equal to the threshold (70.0)',
    );
  });

  it('is ALARM exactly when at least M known periods breach', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 140 }), { nil: undefined }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 8 }),
        (values, m) => {
          const datapointsToAlarm = Math.min(m, values.length);
          const d = decideAlarmState(input(values, { datapointsToAlarm }));
          const breaching = values.filter((v) => v !== undefined && v > 70).length;
          if (values.every((v) => v === undefined)) expect(d?.value).toBe('INSUFFICIENT_DATA');
          else expect(d?.value).toBe(breaching >= datapointsToAlarm ? 'ALARM' : 'OK');
        },
      ),
    );
  });

  it('prints times as dd/MM/yy HH:mm:ss UTC', () => {
    expect(reasonDate(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('02/01/26 03:04:05');
    expect(longReasonDate(Date.UTC(2020, 11, 4, 16, 32, 27))).toBe('Friday 04 December, 2020 16:32:27 UTC');
  });
});

describe('the evaluation range', () => {
  const starts = [90, 80, 70, 60, 50, 40];
  it('evaluates the newest datapoints that exist when there are enough, late ones left out', () => {
    const values = new Map([
      [70, 1],
      [60, 2],
      [40, 3],
    ]);
    expect(periodsToEvaluate(starts, values, 3)).toEqual([70, 60, 40]);
  });

  it('falls back to the newest periods, missing included, when too few exist', () => {
    expect(periodsToEvaluate(starts, new Map([[60, 2]]), 3)).toEqual([90, 80, 70]);
  });

  it('spans more periods than are evaluated, more of them at high resolution', () => {
    expect(evaluationRange(3, 60)).toBeGreaterThan(3);
    expect(evaluationRange(3, 10)).toBeGreaterThan(evaluationRange(3, 60));
  });
});
