import { describe, expect, it } from 'vitest';

import type { AlarmStateValue } from './alarm-record.js';
import { evaluateRule, parseAlarmRule, ruleAlarms, RuleSyntaxError } from './composite-rule.js';

const states: Record<string, AlarmStateValue> = { cpu: 'ALARM', mem: 'OK', 'disk io': 'INSUFFICIENT_DATA' };
const truth = (rule: string): boolean => evaluateRule(parseAlarmRule(rule), (n) => states[n]);

describe('the composite alarm rule', () => {
  it('tests each alarm state by name, bare or quoted, and by ARN', () => {
    expect(truth('ALARM(cpu)')).toBe(true);
    expect(truth('OK(cpu)')).toBe(false);
    expect(truth('OK("mem")')).toBe(true);
    expect(truth('INSUFFICIENT_DATA("disk io")')).toBe(true);
    expect(ruleAlarms(parseAlarmRule('ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu)'))).toEqual([
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu',
    ]);
  });

  it('gives NOT over AND over OR, with parentheses and TRUE/FALSE', () => {
    expect(truth('ALARM(mem) OR ALARM(cpu) AND OK(mem)')).toBe(true);
    expect(truth('(ALARM(mem) OR ALARM(cpu)) AND NOT OK(mem)')).toBe(false);
    expect(truth('NOT ALARM(mem) AND TRUE')).toBe(true);
    expect(truth('FALSE OR (TRUE AND NOT FALSE)')).toBe(true);
  });

  it('is false for an alarm that does not exist', () => {
    expect(truth('ALARM(gone) OR OK(gone) OR INSUFFICIENT_DATA(gone)')).toBe(false);
  });

  it('lists each named alarm once', () => {
    expect(ruleAlarms(parseAlarmRule('ALARM(cpu) OR (OK(cpu) AND ALARM("mem"))'))).toEqual(['cpu', 'mem']);
  });

  it.each([
    'ALARM(cpu',
    'ALARM()',
    'alarm(cpu)',
    'ALARM(cpu) AND',
    'ALARM(cpu) XOR OK(mem)',
    '(TRUE',
    'ALARM("cpu)',
  ])('refuses %s', (rule) => {
    expect(() => parseAlarmRule(rule)).toThrow(RuleSyntaxError);
  });
});
