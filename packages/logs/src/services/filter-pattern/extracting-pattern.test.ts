import { describe, expect, it } from 'vitest';

import { compileExtractingPattern } from './extracting-pattern.js';

describe('compileExtractingPattern', () => {
  it('extracts the selectors a JSON pattern tests, and any other selector on request', () => {
    const pattern = compileExtractingPattern('{ $.latency > 100 && $.request.path = "/a*" }');
    const match = pattern.match('{"latency": 150, "request": {"path": "/api", "method": "GET"}}');
    expect(match?.extractedValues).toEqual({ '$.latency': '150', '$.request.path': '/api' });
    expect(match?.valueOf('$.request.method')).toBe('GET');
    expect(match?.valueOf('$.request')).toBeUndefined();
    expect(match?.valueOf('$.missing')).toBeUndefined();
    expect(pattern.match('{"latency": 50, "request": {"path": "/api"}}')).toBeUndefined();
    expect(pattern.canExtract('$.anything[0]')).toBe(true);
    expect(pattern.canExtract('$status')).toBe(false);
  });

  it('extracts space-delimited slots by name and by position, ellipses skipped', () => {
    const pattern = compileExtractingPattern('[ip, user, ..., status = 5*, bytes]');
    const match = pattern.match('10.0.0.1 alice GET /x 503 1200');
    expect(match?.extractedValues).toEqual({
      $ip: '10.0.0.1',
      $user: 'alice',
      $status: '503',
      $bytes: '1200',
    });
    expect(match?.valueOf('$bytes')).toBe('1200');
    expect(match?.valueOf('$5')).toBe('1200');
    expect(match?.valueOf('$1')).toBe('10.0.0.1');
    expect(match?.valueOf('$.bytes')).toBeUndefined();
    expect(pattern.match('10.0.0.1 alice GET /x 200 1200')).toBeUndefined();
    expect(pattern.canExtract('$bytes')).toBe(true);
    expect(pattern.canExtract('$6')).toBe(false);
    expect(pattern.canExtract('$nope')).toBe(false);
  });

  it('names an unnamed slot by its position', () => {
    const match = compileExtractingPattern('[a, , c]').match('x y z');
    expect(match?.extractedValues).toEqual({ $a: 'x', $2: 'y', $c: 'z' });
  });

  it('matches terms without extracting anything', () => {
    const pattern = compileExtractingPattern('ERROR -timeout');
    expect(pattern.match('ERROR disk full')?.extractedValues).toEqual({});
    expect(pattern.match('ERROR timeout')).toBeUndefined();
    expect(pattern.canExtract('$.a')).toBe(false);
    expect(pattern.form).toBe('terms');
  });
});
