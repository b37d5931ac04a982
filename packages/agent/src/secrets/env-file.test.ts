import { describe, expect, it } from 'vitest';

import { envFilePath, environmentFileVariables, parseEnvFile } from './env-file.js';

describe('parseEnvFile', () => {
  it('reads VARIABLE=VALUE lines verbatim and skips comments, blanks and lines without =', () => {
    const text = [
      '# a comment',
      '',
      '   ',
      'A=1',
      'B = spaced ',
      'C="quoted"',
      'D=with=equals',
      'E=',
      '  # indented comment',
      'NOEQUALS',
      'F=crlf\r',
      'A=later wins',
      '=nokey',
    ].join('\n');
    expect([...parseEnvFile(text)]).toEqual([
      ['A', 'later wins'],
      ['B ', ' spaced '],
      ['C', '"quoted"'],
      ['D', 'with=equals'],
      ['E', ''],
      ['F', 'crlf'],
    ]);
  });
});

describe('envFilePath', () => {
  it('takes file:// URLs of absolute paths', () => {
    expect(envFilePath('file:///etc/app/web.env')).toBe('/etc/app/web.env');
    expect(envFilePath('file:///with%20space.env')).toBe('/with space.env');
  });

  it('fails an S3 ARN saying Berth has no S3, and anything else', () => {
    expect(() => envFilePath('arn:aws:s3:::bucket/web.env')).toThrow(
      /^failed to download env files: arn:aws:s3:::bucket\/web.env: Berth has no S3; give the environment file as a file:\/\/\/absolute\/path.env value/,
    );
    expect(() => envFilePath('relative.env')).toThrow(/unsupported environment file relative.env/);
    expect(() => envFilePath('file://host/x.env')).toThrow(/unsupported environment file/);
  });
});

describe('environmentFileVariables', () => {
  const files: Record<string, string> = { '/a.env': 'X=from-a\nY=from-a\n', '/b.env': 'X=from-b\nZ=from-b' };
  const read = (path: string): Promise<string> =>
    files[path] === undefined
      ? Promise.reject(new Error(`ENOENT: no such file, open '${path}'`))
      : Promise.resolve(files[path]);

  it('merges files top down (the first to set a variable wins) and leaves out what environment sets', async () => {
    const vars = await environmentFileVariables(
      [{ value: 'file:///a.env' }, { value: 'file:///b.env' }],
      new Set(['Y']),
      read,
    );
    expect([...vars]).toEqual([
      ['X', 'from-a'],
      ['Z', 'from-b'],
    ]);
  });

  it('fails with the file and the read error', async () => {
    await expect(environmentFileVariables([{ value: 'file:///gone.env' }], new Set(), read)).rejects.toThrow(
      "failed to download env files: unable to read file:///gone.env: ENOENT: no such file, open '/gone.env'",
    );
  });
});
