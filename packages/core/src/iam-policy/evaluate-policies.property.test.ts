import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { evaluatePolicies } from './evaluate-policies.js';
import { ACCOUNT, policyOf } from './iam-policy.test-support.js';
import type { ApplicablePolicies, PolicyRequest, RequestPrincipal } from './policy-types.js';

type Json = Record<string, unknown>;

const SERVICES = ['ecs', 'iam', 's3'];
const NAMES = ['RunTask', 'ListTasks', 'GetObject', 'CreateUser', 'Describe'];
const CLUSTERS = ['prod', 'dev', 'prod-eu'];

const arn = (cluster: string): string => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`;

const principals: RequestPrincipal[] = [
  { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
  { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, accountId: ACCOUNT },
  {
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/r/s`,
    accountId: ACCOUNT,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/r`,
  },
];

const actionPattern = fc.oneof(
  fc.constant('*'),
  fc.tuple(fc.constantFrom(...SERVICES), fc.constantFrom(...NAMES)).map(([s, n]) => `${s}:${n}`),
  fc.constantFrom(...SERVICES).map((s) => `${s}:*`),
  fc
    .tuple(fc.constantFrom(...SERVICES), fc.constantFrom('List*', 'Get?bject', '*Task', 'run*'))
    .map(([s, n]) => `${s}:${n}`),
);
const resourcePattern = fc.oneof(
  fc.constant('*'),
  fc.constantFrom(...CLUSTERS).map(arn),
  fc.constantFrom('prod*', '*', 'd?v').map((c) => `arn:aws:ecs:*:${ACCOUNT}:cluster/${c}`),
);
const condition = fc.option(
  fc.oneof(
    fc.record({ StringEquals: fc.record({ 'aws:username': fc.constantFrom('alice', 'bob') }) }),
    fc.record({ StringNotLike: fc.record({ 'aws:RequestedRegion': fc.constantFrom('eu-*', 'us-east-1') }) }),
    fc.record({ BoolIfExists: fc.record({ 'aws:MultiFactorAuthPresent': fc.boolean() }) }),
    fc.record({ 'ForAnyValue:StringLike': fc.record({ 'aws:TagKeys': fc.constantFrom('team', 'cost*') }) }),
    fc.record({ 'ForAllValues:StringEquals': fc.record({ 'aws:TagKeys': fc.constant(['team', 'owner']) }) }),
  ),
  { nil: undefined },
);

const statement = (effect: fc.Arbitrary<'Allow' | 'Deny'>, withPrincipal: boolean): fc.Arbitrary<Json> =>
  fc
    .record({
      effect,
      not: fc.boolean(),
      notResource: fc.boolean(),
      actions: fc.array(actionPattern, { minLength: 1, maxLength: 2 }),
      resources: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
      condition,
      principal: fc.constantFrom<unknown>(
        '*',
        { AWS: ACCOUNT },
        { AWS: principals[0]?.arn },
        { AWS: `arn:aws:iam::${ACCOUNT}:role/r` },
      ),
    })
    .map((s) => ({
      Effect: s.effect,
      [s.not ? 'NotAction' : 'Action']: s.actions,
      [s.notResource ? 'NotResource' : 'Resource']: s.resources,
      ...(s.condition === undefined ? {} : { Condition: s.condition }),
      ...(withPrincipal ? { Principal: s.principal } : {}),
    }));

const anyEffect = fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny');
const identityStatements = fc.array(fc.array(statement(anyEffect, false), { minLength: 1, maxLength: 3 }), {
  maxLength: 3,
});
const resourceStatements = fc.option(fc.array(statement(anyEffect, true), { minLength: 1, maxLength: 3 }), {
  nil: undefined,
});

const request: fc.Arbitrary<PolicyRequest> = fc.record({
  principal: fc.constantFrom(...principals),
  action: fc
    .tuple(fc.constantFrom(...SERVICES), fc.constantFrom(...NAMES, 'listtasks'))
    .map(([s, n]) => `${s}:${n}`),
  resource: fc.oneof(fc.constantFrom(...CLUSTERS, 'staging').map(arn), fc.constant('*')),
  context: fc.record(
    {
      'aws:username': fc.constantFrom('alice', 'bob'),
      'aws:RequestedRegion': fc.constantFrom('eu-west-1', 'us-east-1'),
      'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
      'aws:TagKeys': fc.subarray(['team', 'owner', 'costcenter']),
    },
    { requiredKeys: [] },
  ),
});

const build = (identity: Json[][], resource: Json[] | undefined): ApplicablePolicies => ({
  identity: identity.map((statements) => policyOf(statements)),
  ...(resource === undefined ? {} : { resource: policyOf(resource, 'resource') }),
});

const permute = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || b.index - a.index)
    .map(({ item }) => item);

const RUNS = { numRuns: 400 };

describe('evaluatePolicies properties', () => {
  it('(a) a matching Deny always gives ExplicitDeny; any added Deny never turns a decision into Allow or an ExplicitDeny into anything else', () => {
    fc.assert(
      fc.property(
        identityStatements,
        resourceStatements,
        request,
        statement(fc.constant('Deny'), false),
        (identity, resource, req, randomDeny) => {
          const before = evaluatePolicies(build(identity, resource), req);
          const matchingDeny = { Effect: 'Deny', Action: req.action, Resource: req.resource };
          expect(evaluatePolicies(build([...identity, [matchingDeny]], resource), req)).toBe('ExplicitDeny');
          const after = evaluatePolicies(build([...identity, [randomDeny]], resource), req);
          if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny');
          if (before !== 'Allow') expect(after).not.toBe('Allow');
          if (after === 'Allow') expect(before).toBe('Allow');
        },
      ),
      RUNS,
    );
  });

  it('(a) a matching Deny in the resource policy for the caller also gives ExplicitDeny', () => {
    fc.assert(
      fc.property(identityStatements, resourceStatements, request, (identity, resource, req) => {
        const deny = { Effect: 'Deny', Principal: '*', Action: req.action, Resource: req.resource };
        expect(evaluatePolicies(build(identity, [...(resource ?? []), deny]), req)).toBe('ExplicitDeny');
      }),
      RUNS,
    );
  });

  it('(b) the order of statements and of policies does not change the decision', () => {
    fc.assert(
      fc.property(
        identityStatements,
        resourceStatements,
        request,
        fc.array(fc.integer(), { minLength: 1, maxLength: 8 }),
        (identity, resource, req, keys) => {
          const before = evaluatePolicies(build(identity, resource), req);
          const shuffled = permute(
            identity.map((statements) => permute(statements, [...keys].reverse())),
            keys,
          );
          expect(evaluatePolicies(build(shuffled, resource && permute(resource, keys)), req)).toBe(before);
          // Splitting or merging identity policies does not matter either (same version).
          expect(evaluatePolicies(build(identity.length === 0 ? [] : [identity.flat()], resource), req)).toBe(
            before,
          );
        },
      ),
      RUNS,
    );
  });

  it('(c) Allow * on * with no condition allows every request that is not explicitly denied', () => {
    fc.assert(
      fc.property(identityStatements, resourceStatements, request, (identity, resource, req) => {
        const without = evaluatePolicies(build(identity, resource), req);
        const withAdmin = evaluatePolicies(
          build([...identity, [{ Effect: 'Allow', Action: '*', Resource: '*' }]], resource),
          req,
        );
        expect(withAdmin).toBe(without === 'ExplicitDeny' ? 'ExplicitDeny' : 'Allow');
      }),
      RUNS,
    );
  });

  it('no policies at all is an implicit deny', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(evaluatePolicies({ identity: [] }, req)).toBe('ImplicitDeny');
      }),
    );
  });

  it('resource-policy statements for a principal of another account change nothing', () => {
    fc.assert(
      fc.property(identityStatements, resourceStatements, request, (identity, resource, req) => {
        const foreign = (resource ?? [{ Effect: 'Allow', Action: '*', Resource: '*' }]).map((s) => ({
          ...s,
          Principal: { AWS: '999999999999' },
        }));
        expect(evaluatePolicies(build(identity, foreign), req)).toBe(
          evaluatePolicies(build(identity, undefined), req),
        );
      }),
      RUNS,
    );
  });
});
