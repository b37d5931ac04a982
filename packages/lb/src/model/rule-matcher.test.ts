import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AlbRequest } from './alb-request.js';
import type { RuleAction, RuleCondition, RulePlan } from './lb-model.js';
import { conditionMatches, matchListenerRule } from './rule-matcher.js';

const request = (over: Partial<AlbRequest> = {}): AlbRequest => ({
  method: 'GET',
  host: 'www.example.com',
  path: '/',
  headers: {},
  sourceIp: '127.0.0.1',
  ...over,
});
const holds = (condition: RuleCondition, over: Partial<AlbRequest>): boolean =>
  conditionMatches(condition, request(over));
const fixed = (statusCode: number): RuleAction => ({ type: 'fixed-response', statusCode });

describe('ALB rule conditions', () => {
  it('host-header: case-insensitive, wildcards, without the port', () => {
    const c: RuleCondition = { field: 'host-header', values: ['*.Example.com', 'api?.test.org'] };
    expect(holds(c, { host: 'WWW.EXAMPLE.COM' })).toBe(true);
    expect(holds(c, { host: 'www.example.com:8080' })).toBe(true);
    expect(holds(c, { host: 'example.com' })).toBe(false);
    expect(holds(c, { host: 'api1.test.org' })).toBe(true);
    expect(holds(c, { host: 'api12.test.org' })).toBe(false);
    expect(holds({ field: 'host-header', values: ['*0'] }, { host: 'a.b:80' })).toBe(false);
  });

  it('path-pattern: case-sensitive, on the path only', () => {
    const c: RuleCondition = { field: 'path-pattern', values: ['/API/*'] };
    expect(holds(c, { path: '/API/users' })).toBe(true);
    expect(holds(c, { path: '/api/users' })).toBe(false);
    expect(holds({ field: 'path-pattern', values: ['/a'] }, { path: '/a', query: 'x=1' })).toBe(true);
  });

  it('http-header: name and value case-insensitive, every occurrence tried', () => {
    const c: RuleCondition = { field: 'http-header', headerName: 'x-Env', values: ['Stag*'] };
    expect(holds(c, { headers: { 'X-ENV': ['prod', 'STAGING'] } })).toBe(true);
    expect(holds(c, { headers: { 'x-env': ['prod'] } })).toBe(false);
    expect(holds(c, { headers: { 'x-env': ['prod'], 'X-Env': ['staging'] } })).toBe(true);
    expect(holds(c, { headers: {} })).toBe(false);
  });

  it('http-request-method: exact and case-sensitive', () => {
    const c: RuleCondition = { field: 'http-request-method', values: ['POST', 'CUSTOM_VERB'] };
    expect(holds(c, { method: 'POST' })).toBe(true);
    expect(holds(c, { method: 'post' })).toBe(false);
    expect(holds(c, { method: 'CUSTOM_VERB' })).toBe(true);
  });

  it('query-string: pairs case-insensitive, keyless values, escapes', () => {
    const c: RuleCondition = { field: 'query-string', values: [{ key: 'Ver*', value: 'b?ta' }] };
    expect(holds(c, { query: 'a=1&VERSION=BETA' })).toBe(true);
    expect(holds(c, { query: 'version=beeta' })).toBe(false);
    expect(holds(c, {})).toBe(false);
    const keyless: RuleCondition = { field: 'query-string', values: [{ value: 'en' }] };
    expect(holds(keyless, { query: 'lang=EN' })).toBe(true);
    expect(holds(keyless, { query: 'en' })).toBe(false);
    const star: RuleCondition = { field: 'query-string', values: [{ key: 'q', value: 'a\\*' }] };
    expect(holds(star, { query: 'q=a*' })).toBe(true);
    expect(holds(star, { query: 'q=ab' })).toBe(false);
    expect(holds({ field: 'query-string', values: [{ key: 'k', value: '*' }] }, { query: 'k=' })).toBe(true);
  });

  it('source-ip: CIDR blocks', () => {
    const c: RuleCondition = { field: 'source-ip', values: ['10.0.0.0/8', '2001:db8::/32'] };
    expect(holds(c, { sourceIp: '10.1.2.3' })).toBe(true);
    expect(holds(c, { sourceIp: '2001:db8::7' })).toBe(true);
    expect(holds(c, { sourceIp: '127.0.0.1' })).toBe(false);
  });
});

describe('matchListenerRule', () => {
  const rules: RulePlan[] = [
    {
      priority: 1,
      conditions: [
        { field: 'path-pattern', values: ['/a*'] },
        { field: 'http-request-method', values: ['POST'] },
      ],
      action: fixed(201),
    },
    { priority: 2, conditions: [{ field: 'path-pattern', values: ['/b', '/a*'] }], action: fixed(202) },
    { priority: 'default', conditions: [], action: fixed(404) },
  ];

  it('ANDs conditions, ORs values, and takes the first match', () => {
    expect(matchListenerRule(rules, request({ path: '/abc', method: 'POST' }))?.priority).toBe(1);
    expect(matchListenerRule(rules, request({ path: '/abc' }))?.priority).toBe(2);
    expect(matchListenerRule(rules, request({ path: '/b' }))?.priority).toBe(2);
    expect(matchListenerRule(rules, request({ path: '/c' }))).toMatchObject({
      priority: 'default',
      index: 2,
    });
  });

  it('always lands on the default rule when nothing else matches', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, method) => {
        const match = matchListenerRule(rules, request({ path, method }));
        return match !== undefined && (match.index === 2) === !(path.startsWith('/a') || path === '/b');
      }),
    );
  });

  it('has no match without a default rule', () => {
    expect(matchListenerRule(rules.slice(0, 1), request())).toBeUndefined();
  });
});
