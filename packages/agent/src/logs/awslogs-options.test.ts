import { describe, expect, it } from 'vitest';

import { DEFAULT_MAX_BUFFER_BYTES, logStreamName, parseAwslogsOptions, taskIdOf } from './awslogs-options.js';
import { parseDockerByteSize } from './docker-byte-size.js';
import { strftimeToRegexSource } from './strftime-pattern.js';

const BASE = { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1' };
const TASK = 'arn:aws:ecs:eu-west-1:000000000000:task/prod/0123456789abcdef';

const parsed = (opts: Record<string, string>) => {
  const result = parseAwslogsOptions(opts);
  if (!result.ok) throw new Error(result.error);
  return result.options;
};

describe('awslogs options', () => {
  it('requires the group and the region', () => {
    expect(parseAwslogsOptions({ 'awslogs-region': 'x' })).toEqual({
      ok: false,
      error: "must specify a value for log opt 'awslogs-group'",
    });
    expect(parseAwslogsOptions({ 'awslogs-group': 'g' })).toMatchObject({ ok: false });
  });

  it('defaults: blocking, no group creation, a 1 MiB buffer, no multiline', () => {
    expect(parsed(BASE)).toEqual({
      group: '/ecs/web',
      region: 'eu-west-1',
      createGroup: false,
      mode: 'blocking',
      maxBufferBytes: DEFAULT_MAX_BUFFER_BYTES,
    });
  });

  it('reads create-group as Go booleans, the mode and the buffer size', () => {
    const o = parsed({
      ...BASE,
      'awslogs-create-group': 'true',
      mode: 'non-blocking',
      'max-buffer-size': '4m',
    });
    expect(o).toMatchObject({ createGroup: true, mode: 'non-blocking', maxBufferBytes: 4 * 1024 * 1024 });
    expect(parseAwslogsOptions({ ...BASE, 'awslogs-create-group': 'yes' }).ok).toBe(false);
    expect(parseAwslogsOptions({ ...BASE, mode: 'sometimes' }).ok).toBe(false);
    expect(parseAwslogsOptions({ ...BASE, 'max-buffer-size': 'lots' }).ok).toBe(false);
  });

  it('refuses a datetime format together with a multiline pattern', () => {
    const r = parseAwslogsOptions({
      ...BASE,
      'awslogs-datetime-format': '%Y',
      'awslogs-multiline-pattern': '^x',
    });
    expect(r.ok).toBe(false);
  });

  it('turns a datetime format into the start pattern', () => {
    const o = parsed({ ...BASE, 'awslogs-datetime-format': '\\[%b %d, %Y %H:%M:%S\\]' });
    expect(o.multilineStart?.test('[May 01, 2017 19:00:01] A message')).toBe(true);
    expect(o.multilineStart?.test('    at continuation')).toBe(false);
  });

  it('names the stream prefix/container/task-id, or after the container id without a prefix', () => {
    expect(taskIdOf(TASK)).toBe('0123456789abcdef');
    expect(logStreamName(parsed({ ...BASE, 'awslogs-stream-prefix': 'ecs' }), 'web', TASK, 'c0ffee')).toBe(
      'ecs/web/0123456789abcdef',
    );
    expect(logStreamName(parsed(BASE), 'web', TASK, 'c0ffee')).toBe('c0ffee');
  });
});

describe('strftime → regex', () => {
  it.each([
    ['%Y-%m-%d', '2024-02-29', 'x2024-13-01'],
    ['%H:%M:%S%L', '23:59:59.123', '24:00:00.000'],
    ['%a %A %b %B', 'Mon Monday Jan January', 'Mon Mon Jan Jan'],
    ['%y %j %p %Z %z %f', '24 366 PM CEST +0100 123456', '24 367 PM CEST +0100 123456'],
    ['%I %w', '12 6', '13 7'],
  ])('%s matches %s, not %s', (format, yes, no) => {
    const re = new RegExp(`^${strftimeToRegexSource(format)}$`);
    expect(re.test(yes)).toBe(true);
    expect(re.test(no)).toBe(false);
  });

  it('drops sequences it does not know, keeps literals', () => {
    expect(strftimeToRegexSource('%Q-x')).toBe('-x');
  });
});

describe('Docker byte sizes', () => {
  it.each([
    ['1m', 1048576],
    ['512k', 524288],
    ['2MiB', 2097152],
    ['1.5g', 1.5 * 1024 ** 3],
    ['100', 100],
    ['10KB', 10240],
  ])('%s = %d bytes', (text, bytes) => expect(parseDockerByteSize(text)).toBe(bytes));

  it('rejects what is not a size', () => {
    expect(parseDockerByteSize('m')).toBeUndefined();
    expect(parseDockerByteSize('-1m')).toBeUndefined();
  });
});
