/** Rules: priorities, the default rule, conditions and actions, with their ELBv2 errors. */
import { describe, expect, it } from 'vitest';

import { basicStack, unitElbv2 } from '../test-support/elbv2.test-support.js';

type Rules = { Rules: Record<string, unknown>[]; NextMarker?: string };
type Listeners = { Listeners: Record<string, unknown>[] };

const pathRule = (listenerArn: string, tgArn: string, priority: number, path = '/api/*') => ({
  ListenerArn: listenerArn,
  Priority: priority,
  Conditions: [{ Field: 'path-pattern', Values: [path] }],
  Actions: [{ Type: 'forward', TargetGroupArn: tgArn }],
});

describe('rules', () => {
  it('CreateRule, DescribeRules in priority order (default last), ModifyRule and DeleteRule', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const r20 = (t.call('CreateRule', pathRule(listenerArn, tgArn, 20)) as Rules).Rules[0]!;
    expect(r20).toEqual({
      RuleArn: expect.stringContaining(':listener-rule/app/web/'),
      Priority: '20',
      Conditions: [{ Field: 'path-pattern', Values: ['/api/*'], PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [expect.objectContaining({ Type: 'forward', TargetGroupArn: tgArn })],
      IsDefault: false,
    });
    t.call('CreateRule', {
      ListenerArn: listenerArn,
      Priority: 5,
      Conditions: [
        { Field: 'host-header', HostHeaderConfig: { Values: ['*.example.com'] } },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Env', Values: ['blue'] } },
        { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } },
        { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
      ],
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503', MessageBody: 'down' } }],
    });
    const all = (t.call('DescribeRules', { ListenerArn: listenerArn }) as Rules).Rules;
    expect(all.map((r) => r['Priority'])).toEqual(['5', '20', 'default']);
    expect(all[0]!['Conditions']).toEqual([
      { Field: 'host-header', HostHeaderConfig: { Values: ['*.example.com'] } },
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Env', Values: ['blue'] } },
      { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } },
      { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
    ]);
    const page = t.call('DescribeRules', { ListenerArn: listenerArn, PageSize: 2 }) as Rules;
    expect(page.Rules.length).toBe(2);
    expect(page.NextMarker).toEqual(expect.any(String));
    const modified = (
      t.call('ModifyRule', {
        RuleArn: r20['RuleArn'],
        Conditions: [{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', 'HEAD'] } }],
      }) as Rules
    ).Rules[0]!;
    expect(modified['Conditions']).toEqual([
      { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', 'HEAD'] } },
    ]);
    expect(t.call('DeleteRule', { RuleArn: r20['RuleArn'] })).toEqual({});
    expect(t.errorOf('DeleteRule', { RuleArn: r20['RuleArn'] })).toBe(
      'RuleNotFound: One or more rules not found',
    );
    expect(t.errorOf('DescribeRules', { RuleArns: [r20['RuleArn']] })).toBe(
      'RuleNotFound: One or more rules not found',
    );
  });

  it('keeps the default rule: not deleted, its conditions and priority fixed', () => {
    const t = unitElbv2();
    const { listenerArn } = basicStack(t);
    const def = (t.call('DescribeRules', { ListenerArn: listenerArn }) as Rules).Rules[0]![
      'RuleArn'
    ] as string;
    expect(t.errorOf('DeleteRule', { RuleArn: def })).toBe(
      `OperationNotPermitted: Default rule '${def}' cannot be deleted`,
    );
    expect(
      t.errorOf('ModifyRule', { RuleArn: def, Conditions: [{ Field: 'path-pattern', Values: ['/'] }] }),
    ).toBe('OperationNotPermitted: Conditions cannot be specified for the default rule');
    expect(t.errorOf('SetRulePriorities', { RulePriorities: [{ RuleArn: def, Priority: 3 }] })).toMatch(
      /^OperationNotPermitted: /,
    );
    const out = t.call('ModifyRule', {
      RuleArn: def,
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
    }) as Rules;
    expect(out.Rules[0]!['Actions']).toEqual([
      { Type: 'fixed-response', Order: 1, FixedResponseConfig: { StatusCode: '404' } },
    ]);
    const listener = (t.call('DescribeListeners', { ListenerArns: [listenerArn] }) as Listeners)
      .Listeners[0]!;
    expect(listener['DefaultActions']).toEqual(out.Rules[0]!['Actions']);
  });

  it('answers PriorityInUse, priority ranges, TooManyRules and SetRulePriorities swaps', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const a = (t.call('CreateRule', pathRule(listenerArn, tgArn, 1, '/a')) as Rules).Rules[0]!['RuleArn'];
    const b = (t.call('CreateRule', pathRule(listenerArn, tgArn, 2, '/b')) as Rules).Rules[0]!['RuleArn'];
    expect(t.errorOf('CreateRule', pathRule(listenerArn, tgArn, 1))).toBe(
      "PriorityInUse: Priority '1' is currently in use",
    );
    expect(t.errorOf('CreateRule', pathRule(listenerArn, tgArn, 0))).toMatch(
      /^ValidationError: .*'priority'.*greater than or equal to 1$/,
    );
    expect(t.errorOf('CreateRule', pathRule(listenerArn, tgArn, 50001))).toMatch(
      /less than or equal to 50000$/,
    );
    const swapped = t.call('SetRulePriorities', {
      RulePriorities: [
        { RuleArn: a, Priority: 2 },
        { RuleArn: b, Priority: 1 },
      ],
    }) as Rules;
    expect(swapped.Rules.map((r) => r['Priority'])).toEqual(['2', '1']);
    expect(t.errorOf('SetRulePriorities', { RulePriorities: [{ RuleArn: a, Priority: 1 }] })).toBe(
      "PriorityInUse: Priority '1' is currently in use",
    );
    expect(
      t.errorOf('SetRulePriorities', {
        RulePriorities: [
          { RuleArn: a, Priority: 7 },
          { RuleArn: b, Priority: 7 },
        ],
      }),
    ).toBe("ValidationError: Priority '7' was provided multiple times");
    for (let p = 3; p <= 100; p += 1) t.call('CreateRule', pathRule(listenerArn, tgArn, p));
    expect(t.errorOf('CreateRule', pathRule(listenerArn, tgArn, 101))).toBe(
      "TooManyRules: You've reached the limit on the number of rules per listener (100)",
    );
  });

  it('validates conditions as ELBv2 does', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const withConditions = (Conditions: unknown[]) => ({
      ListenerArn: listenerArn,
      Priority: 9,
      Conditions,
      Actions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    });
    const err = (c: unknown[]) => t.errorOf('CreateRule', withConditions(c));
    expect(err([])).toBe('ValidationError: A rule must have at least one condition');
    expect(err([{ Field: 'cookie', Values: ['x'] }])).toMatch(
      /^ValidationError: Condition field 'cookie' must be one of/,
    );
    expect(err([{ Field: 'path-pattern', Values: ['/a', '/b'] }])).toMatch(/exactly one value/);
    expect(
      err([
        { Field: 'path-pattern', Values: ['/a'] },
        { Field: 'path-pattern', Values: ['/b'] },
      ]),
    ).toBe("ValidationError: A rule can only have one 'path-pattern' condition");
    expect(err([{ Field: 'host-header', Values: ['a'.repeat(129)] }])).toMatch(
      /between 1 and 128 characters/,
    );
    expect(err([{ Field: 'host-header', Values: ['bad host'] }])).toMatch(/invalid characters/);
    expect(
      err([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'Host', Values: ['x'] } }]),
    ).toMatch(/host-header/);
    expect(err([{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['get'] } }])).toMatch(
      /invalid characters/,
    );
    expect(err([{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/33'] } }])).toBe(
      "ValidationError: The value '10.0.0.0/33' is not a valid CIDR block",
    );
    expect(err([{ Field: 'path-pattern', HostHeaderConfig: { Values: ['a.b'] } }])).toMatch(
      /cannot be specified for a 'path-pattern'/,
    );
    expect(
      err([
        { Field: 'host-header', HostHeaderConfig: { Values: ['a.b', 'c.d', 'e.f'] } },
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/1', '/2', '/3'] } },
      ]),
    ).toMatch(/only have '5' condition values/);
  });

  it('validates actions as ELBv2 does', () => {
    const t = unitElbv2();
    const { tgArn, listenerArn } = basicStack(t);
    const withActions = (Actions: unknown[]) => ({
      ListenerArn: listenerArn,
      Priority: 9,
      Conditions: [{ Field: 'path-pattern', Values: ['/x'] }],
      Actions,
    });
    const err = (a: unknown[]) => t.errorOf('CreateRule', withActions(a));
    expect(
      err([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1000 }] } }]),
    ).toBe("ValidationError: Target group weight '1000' must be between 0 and 999");
    expect(
      err([
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [{ TargetGroupArn: tgArn }],
            TargetGroupStickinessConfig: { Enabled: true },
          },
        },
      ]),
    ).toMatch(/stickiness duration/);
    expect(err([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }])).toMatch(
      /2XX, 4XX or 5XX/,
    );
    expect(
      err([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'image/png' } }]),
    ).toMatch(/^ValidationError: 1 validation error detected: Value 'image\/png' at 'contentType'/);
    expect(err([{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }])).toBe(
      'InvalidLoadBalancerAction: The redirect must change at least one of the protocol, host, port or path',
    );
    expect(
      err([{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_308', Protocol: 'HTTPS' } }]),
    ).toMatch(/'statusCode'/);
    expect(err([{ Type: 'authenticate-oidc' }])).toMatch(
      /^OperationNotPermitted: Berth does not support 'authenticate-oidc' actions/,
    );
    expect(err([{ Type: 'bogus' }])).toMatch(/^ValidationError: 1 validation error detected: Value 'bogus'/);
    const weighted = (
      t.call(
        'CreateRule',
        withActions([
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [{ TargetGroupArn: tgArn, Weight: 0 }],
              TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
            },
          },
        ]),
      ) as Rules
    ).Rules[0]!;
    expect(weighted['Actions']).toEqual([
      {
        Type: 'forward',
        TargetGroupArn: tgArn,
        Order: 1,
        ForwardConfig: {
          TargetGroups: [{ TargetGroupArn: tgArn, Weight: 0 }],
          TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 },
        },
      },
    ]);
  });
});
