import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { ContainerSpec } from '../runtime/container-runtime.js';
import {
  BUSYBOX_MOUNT,
  effectiveArgv,
  launchedSpec,
  launcherScript,
  LAUNCHER_SCRIPT,
  SECRETS_MOUNT,
} from './launcher.js';
import { SecretFiles } from './secret-files.js';

const BUSYBOX = '/bin/busybox';
const scratch = mkdtempSync(join(tmpdir(), 'berth-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const VALUES = new Map([
  ['SPACES', '  a value with  spaces  '],
  ['QUOTES', `it's "quoted" \\ back\\slash`],
  ['NEWLINES', 'line one\nline two\n\nline four'],
  ['TRAILING', 'ends with newlines\n\n'],
  ['DOLLAR', '$HOME ${PATH} $(echo no) `echo no` $1 $@ *'],
  ['EMPTY', ''],
  ['UNICODE', 'héllo ✓ 日本'],
  ['PATHLIKE', '/x:/y'],
  ['OVERRIDDEN', 'from the secret'],
]);

let n = 0;
const run = (values: ReadonlyMap<string, string>, argv: string[], env: Record<string, string> = {}) => {
  const files = new SecretFiles(join(scratch, `root-${n++}`));
  const taskArn = 'arn:aws:ecs:us-east-1:0:task/c/abc123';
  return files.write(taskArn, 'web', values).then((dir) => ({
    dir,
    files,
    result: spawnSync(BUSYBOX, ['sh', '-c', launcherScript(dir, BUSYBOX), 'berth-launch', ...argv], {
      env: { PATH: '/usr/bin:/bin', ...env },
      encoding: 'utf8',
    }),
  }));
};

const dumpEnv = [
  process.execPath,
  '-e',
  'process.stdout.write(JSON.stringify({env: process.env, argv: process.argv.slice(1)}))',
];

describe('the launcher script, run by the host’s busybox sh', () => {
  it('exports every file as a variable, byte for byte, and execs the argv with its arguments intact', async () => {
    const { result } = await run(VALUES, [...dumpEnv, 'arg with space', '', '$x', 'a\nb'], {
      OVERRIDDEN: 'from Config.Env',
      KEPT: 'from Config.Env',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { env: Record<string, string>; argv: string[] };
    for (const [name, value] of VALUES) expect(out.env[name]).toBe(value);
    expect(out.env.KEPT).toBe('from Config.Env');
    expect(out.argv).toEqual(['arg with space', '', '$x', 'a\nb']);
    expect(Object.keys(out.env).filter((k) => k.startsWith('__berth'))).toEqual([]);
  });

  it('runs a bare program name from PATH, not busybox’s applet of that name', async () => {
    const bin = mkdtempSync(join(scratch, 'bin-'));
    writeFileSync(join(bin, 'ls'), '#!/bin/sh\necho "image ls: $SPACES|$*"\n');
    chmodSync(join(bin, 'ls'), 0o755);
    const { result } = await run(new Map([['SPACES', 'a b']]), ['ls', 'x', 'y'], {
      PATH: `/nonexistent:${bin}`,
    });
    expect(result.stdout).toBe('image ls: a b|x y\n');
  });

  it('exits 127 saying so when the program is not in PATH', async () => {
    const { result } = await run(new Map([['A', '1']]), ['no-such-program'], { PATH: '/nonexistent' });
    expect(result.status).toBe(127);
    expect(result.stderr).toBe('berth-launch: exec: "no-such-program": executable file not found in $PATH\n');
  });
});

describe('SecretFiles', () => {
  it('keeps values in 0700 directories as 0444 files, rewrites in place and removes the task’s directory', async () => {
    const { dir, files } = await run(VALUES, ['/bin/true']);
    expect(statSync(files.root).mode & 0o777).toBe(0o700);
    expect(statSync(join(files.root, 'abc123')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'SPACES')).mode & 0o777).toBe(0o444);
    const again = await files.write('arn:aws:ecs:us-east-1:0:task/c/abc123', 'web', new Map([['ONLY', 'x']]));
    expect(again).toBe(dir);
    expect(readdirSync(dir)).toEqual(['ONLY']);
    await files.remove('arn:aws:ecs:us-east-1:0:task/c/abc123');
    expect(readdirSync(files.root)).toEqual([]);
  });

  it('prunes the directories of tasks no longer wanted', async () => {
    const files = new SecretFiles(join(scratch, 'prune'));
    const keep = 'arn:aws:ecs:us-east-1:0:task/c/keep1';
    const gone = 'arn:aws:ecs:us-east-1:0:task/c/gone1';
    await files.write(keep, 'web', new Map([['A', '1']]));
    await files.write(gone, 'web', new Map([['A', '1']]));
    await files.prune(() => [keep]);
    expect(readdirSync(files.root)).toEqual(['keep1']);
    await new SecretFiles(join(scratch, 'never-made')).prune(() => []);
  });
});

describe('launchedSpec', () => {
  const spec = { name: 'c', image: 'img', binds: ['/data:/data'], env: ['A=1'] } as unknown as ContainerSpec;

  it('runs the real argv through the launcher with both mounts read-only, Env untouched', () => {
    const launched = launchedSpec(
      { ...spec, command: ['httpd', '-f'] },
      { entrypoint: ['/init'], cmd: ['x'] },
      {
        hostDir: '/run/berth/secrets/t/c',
        busybox: '/bin/busybox',
      },
    );
    expect(launched.entrypoint).toEqual([BUSYBOX_MOUNT, 'sh', '-c', LAUNCHER_SCRIPT, 'berth-launch']);
    expect(launched.command).toEqual(['/init', 'httpd', '-f']);
    expect(launched.binds).toEqual([
      '/data:/data',
      `/run/berth/secrets/t/c:${SECRETS_MOUNT}:ro`,
      `/bin/busybox:${BUSYBOX_MOUNT}:ro`,
    ]);
    expect(launched.env).toEqual(['A=1']);
  });

  it('follows Docker: a given entrypoint drops the image’s Cmd; a given command keeps its entrypoint', () => {
    const image = { entrypoint: ['/entry'], cmd: ['default'] };
    expect(effectiveArgv({}, image)).toEqual(['/entry', 'default']);
    expect(effectiveArgv({ command: ['mine'] }, image)).toEqual(['/entry', 'mine']);
    expect(effectiveArgv({ entrypoint: ['/other'] }, image)).toEqual(['/other']);
    expect(effectiveArgv({ entrypoint: ['/other'], command: ['a'] }, image)).toEqual(['/other', 'a']);
    expect(() => launchedSpec(spec, { entrypoint: [], cmd: [] }, { hostDir: '/d', busybox: '/b' })).toThrow(
      'No command specified',
    );
  });
});
