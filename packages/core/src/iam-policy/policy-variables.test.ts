import { describe, expect, it } from 'vitest';

import { resolvePattern, resolveText } from './policy-variables.js';
import { matchPatternParts } from './wildcard-match.js';

const context = { 'aws:username': 'alice', 'aws:userid': 'AIDAEXAMPLE', 'aws:TagKeys': ['a', 'b'] };

describe('policy variables', () => {
  it('substitutes keys case-insensitively in 2012-10-17 documents', () => {
    expect(resolveText('home/${aws:username}/${AWS:UserId}', context, '2012-10-17')).toBe(
      'home/alice/AIDAEXAMPLE',
    );
  });

  it('leaves ${…} alone in 2008-10-17 documents', () => {
    expect(resolveText('home/${aws:username}', context, '2008-10-17')).toBe('home/${aws:username}');
    expect(resolvePattern('home/${aws:username}', context, '2008-10-17')).toEqual(['home/${aws:username}']);
  });

  it('is unresolved when the key is missing or multi-valued', () => {
    expect(resolveText('${aws:PrincipalTag/team}', context, '2012-10-17')).toBeUndefined();
    expect(resolveText('${aws:TagKeys}', context, '2012-10-17')).toBeUndefined();
    expect(resolvePattern('x/${aws:PrincipalTag/team}/*', context, '2012-10-17')).toBeUndefined();
  });

  it("uses a default value when the key is missing: ${key, 'default'}", () => {
    expect(resolveText("${aws:PrincipalTag/team, 'company-wide'}", context, '2012-10-17')).toBe(
      'company-wide',
    );
    expect(resolveText("${aws:username, 'nobody'}", context, '2012-10-17')).toBe('alice');
  });

  it('reads ${*}, ${?} and ${$} as the literal characters', () => {
    expect(resolveText('a${*}b${?}c${$}', {}, '2012-10-17')).toBe('a*b?c$');
    const pattern = resolvePattern('file${*}', {}, '2012-10-17');
    expect(pattern).toBeDefined();
    expect(matchPatternParts(pattern ?? [], 'file*')).toBe(true);
    expect(matchPatternParts(pattern ?? [], 'file1')).toBe(false);
  });

  it('keeps wildcards in the policy text but matches substituted values literally', () => {
    const pattern =
      resolvePattern('arn:aws:s3:::b/${aws:username}/*', { 'aws:username': 'a*' }, '2012-10-17') ?? [];
    expect(matchPatternParts(pattern, 'arn:aws:s3:::b/a*/x')).toBe(true);
    expect(matchPatternParts(pattern, 'arn:aws:s3:::b/abc/x')).toBe(false);
  });
});
