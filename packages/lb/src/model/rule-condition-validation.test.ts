import { describe, expect, it } from 'vitest';

import type { RuleCondition } from './lb-model.js';
import { validateRuleConditions } from './rule-condition-validation.js';

const messages = (conditions: RuleCondition[]): string[] =>
  validateRuleConditions(conditions).map((p) => p.message);

describe('validateRuleConditions', () => {
  it('accepts a well-formed rule', () => {
    expect(
      validateRuleConditions([
        { field: 'host-header', values: ['*.example.com'] },
        { field: 'path-pattern', values: ['/api/*'] },
        { field: 'http-header', headerName: 'X-Env', values: ['prod'] },
        { field: 'query-string', values: [{ key: 'v', value: '2' }] },
      ]),
    ).toEqual([]);
  });

  it('allows one each of host-header, path-pattern, http-request-method and source-ip', () => {
    const twice: RuleCondition[] = [
      { field: 'path-pattern', values: ['/a'] },
      { field: 'path-pattern', values: ['/b'] },
    ];
    expect(validateRuleConditions(twice)).toContainEqual({
      code: 'InvalidConfigurationRequest',
      message: "A rule can only have one 'path-pattern' condition",
    });
    expect(
      messages([
        { field: 'http-header', headerName: 'a', values: ['1'] },
        { field: 'http-header', headerName: 'b', values: ['2'] },
      ]),
    ).toEqual([]);
  });

  it('checks host names, lengths, methods, header names and CIDRs', () => {
    expect(messages([{ field: 'host-header', values: ['localhost'] }])).toHaveLength(1);
    expect(messages([{ field: 'host-header', values: ['example.c0m'] }])).toHaveLength(1);
    expect(messages([{ field: 'path-pattern', values: [`/${'a'.repeat(128)}`] }])[0]).toMatch(
      /longer than 128/,
    );
    expect(messages([{ field: 'http-request-method', values: ['get'] }])).toHaveLength(1);
    expect(messages([{ field: 'http-header', headerName: 'Host', values: ['x'] }])[0]).toMatch(/host-header/);
    expect(messages([{ field: 'http-header', headerName: 'X-*', values: ['x'] }])).toHaveLength(1);
    expect(messages([{ field: 'source-ip', values: ['10.0.0.1'] }])).toHaveLength(1);
    expect(messages([{ field: 'path-pattern', values: [] }])).toHaveLength(1);
    expect(messages([])).toEqual(['A rule must have at least one condition']);
  });

  it('enforces the per-rule quotas on values and wildcards', () => {
    expect(messages([{ field: 'path-pattern', values: ['/1', '/2', '/3', '/4', '/5', '/6'] }])[0]).toMatch(
      /at most 5/,
    );
    expect(messages([{ field: 'path-pattern', values: ['/*/*/*', '/?/?/?'] }])[0]).toMatch(/wildcards/);
  });
});
