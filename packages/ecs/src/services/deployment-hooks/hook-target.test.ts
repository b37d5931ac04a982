import { describe, expect, it } from 'vitest';

import { parseHookTarget } from './hook-target.js';

describe('parseHookTarget', () => {
  it('takes http(s) URLs', () => {
    expect(parseHookTarget('http://127.0.0.1:9000/hook', undefined)).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:9000/hook',
    });
    expect(parseHookTarget('https://hooks.internal/x', undefined).kind).toBe('url');
  });

  it('takes file:// commands inside the hook directory only', () => {
    expect(parseHookTarget('file:///etc/berth/hooks/check.sh', '/etc/berth/hooks')).toEqual({
      kind: 'command',
      path: '/etc/berth/hooks/check.sh',
    });
    expect(parseHookTarget('file:///etc/berth/hooks/../../../bin/sh', '/etc/berth/hooks')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('not inside'),
    });
    expect(parseHookTarget('file:///etc/berth/hooks', '/etc/berth/hooks').kind).toBe('invalid');
    expect(parseHookTarget('file:///bin/sh', undefined)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('--lifecycle-hook-dir'),
    });
  });

  it('refuses Lambda ARNs and anything else', () => {
    for (const arn of ['arn:aws:lambda:us-east-1:123456789012:function:check', 'ftp://x/y', 'not a url'])
      expect(parseHookTarget(arn, '/hooks')).toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('cannot invoke AWS Lambda functions'),
      });
  });
});
