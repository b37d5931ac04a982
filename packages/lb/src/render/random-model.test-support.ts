/**
 * fast-check arbitraries for data-plane models: rules with every condition field holding values
 * ELBv2 would accept (plus awkward characters), every action type, and target groups.
 */
import fc from 'fast-check';

import type {
  DataPlaneModel,
  RuleAction,
  RuleCondition,
  RulePlan,
  TargetGroupPlan,
} from '../model/lb-model.js';
import { serverName } from '../model/lb-model.js';

const chars = (set: string, min = 1, max = 12): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max });

export const hostPattern = fc
  .tuple(chars('abcXY-*?', 1, 8), fc.constantFrom('com', 'Org', 'e*', 'io'))
  .map(([head, tld]) => `${head}.${tld}`);
export const pathPattern = chars('abAB/_-.$~"\'@:+&*?', 1, 12).map((p) => `/${p}`);
const headerValue = chars('abAB *?"#$%\\;', 1, 10);
const queryText = chars('abAB*?\\%"#', 1, 8);

export const conditionArb: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({
    field: fc.constant('host-header' as const),
    values: fc.array(hostPattern, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    field: fc.constant('path-pattern' as const),
    values: fc.array(pathPattern, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    field: fc.constant('http-header' as const),
    headerName: fc.constantFrom('X-Env', "X-It's", 'x-a#b', 'User-Agent'),
    values: fc.array(headerValue, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    field: fc.constant('http-request-method' as const),
    values: fc.array(fc.constantFrom('GET', 'POST', 'PUT', 'X_CUSTOM'), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    field: fc.constant('query-string' as const),
    values: fc.array(
      fc.oneof(fc.record({ key: queryText, value: queryText }), fc.record({ value: queryText })),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({
    field: fc.constant('source-ip' as const),
    values: fc.array(fc.constantFrom('127.0.0.0/8', '10.0.0.0/8', '127.0.0.1/32', '::1/128'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
);

const GROUP_IDS = ['g1', 'g2', 'g3'] as const;

export const actionArb: fc.Arbitrary<RuleAction> = fc.oneof(
  fc.record(
    {
      type: fc.constant('forward' as const),
      targetGroups: fc.uniqueArray(
        fc.record({ id: fc.constantFrom(...GROUP_IDS), weight: fc.integer({ min: 0, max: 999 }) }),
        { minLength: 1, maxLength: 3, selector: (g) => g.id },
      ),
      stickinessSeconds: fc.integer({ min: 1, max: 604800 }),
    },
    { requiredKeys: ['type', 'targetGroups'] },
  ),
  fc.record(
    {
      type: fc.constant('fixed-response' as const),
      statusCode: fc.constantFrom(200, 204, 404, 418, 503),
      contentType: fc.constantFrom('text/plain', 'text/html', 'application/json'),
      messageBody: fc.string({ maxLength: 40 }).filter((s) => !s.includes('\0')),
    },
    { requiredKeys: ['type', 'statusCode'] },
  ),
  fc.record({
    type: fc.constant('redirect' as const),
    protocol: fc.constantFrom('#{protocol}', 'HTTP', 'HTTPS'),
    host: fc.constantFrom('#{host}', 'other.example.com', 'a%b.example.com'),
    port: fc.constantFrom('#{port}', '80', '443', '8443'),
    path: fc.constantFrom('/#{path}', '/x/#{path}', '/fixed "quoted"'),
    query: fc.constantFrom('#{query}', '', 'a=1&#{query}', 'p=%41'),
    statusCode: fc.constantFrom(301 as const, 302 as const),
  }),
);

export const rulesArb: fc.Arbitrary<RulePlan[]> = fc
  .tuple(
    fc.array(fc.tuple(fc.array(conditionArb, { minLength: 1, maxLength: 3 }), actionArb), { maxLength: 6 }),
    actionArb,
  )
  .map(([rules, defaultAction]) => [
    ...rules.map(([conditions, action], i) => ({ priority: i + 1, conditions, action })),
    { priority: 'default' as const, conditions: [], action: defaultAction },
  ]);

export const targetGroupsArb: fc.Arbitrary<TargetGroupPlan[]> = fc
  .tuple(
    ...GROUP_IDS.map((id) =>
      fc.record({
        id: fc.constant(id),
        name: fc.string({ maxLength: 20 }).filter((s) => !s.includes('\0')),
        algorithm: fc.constantFrom(
          'round_robin' as const,
          'least_outstanding_requests' as const,
          'weighted_random' as const,
        ),
        servers: fc.uniqueArray(
          fc.record({
            port: fc.integer({ min: 1024, max: 65535 }),
            state: fc.constantFrom('ready' as const, 'drain' as const, 'maint' as const),
            weight: fc.integer({ min: 1, max: 256 }),
          }),
          { maxLength: 3, selector: (s) => s.port },
        ),
      }),
    ),
  )
  .map((groups) =>
    groups.map((g, i) => ({
      ...g,
      ...(i === 0 ? { stickiness: { type: 'lb_cookie' as const, durationSeconds: 60 } } : {}),
      ...(i === 1
        ? { stickiness: { type: 'app_cookie' as const, cookieName: 'JSESSIONID', durationSeconds: 60 } }
        : {}),
      servers: g.servers.map((s) => ({ ...s, address: '127.0.0.1', name: serverName('127.0.0.1', s.port) })),
    })),
  );

export const modelArb: fc.Arbitrary<DataPlaneModel> = fc
  .tuple(rulesArb, targetGroupsArb)
  .map(([rules, targetGroups]) => ({
    loadBalancers: [
      {
        id: 'lbx',
        name: 'random',
        listeners: [{ id: 'lx', bindAddress: '127.0.0.1', port: 18080, protocol: 'HTTP', rules }],
      },
    ],
    targetGroups,
  }));
