/**
 * Runs Debian's HAProxy on a rendered configuration in a temporary directory: `haproxy -c` for
 * validity. A missing binary is a test failure that says what to install, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAPROXY = '/usr/sbin/haproxy';

export const requireHaproxy = (): string => {
  if (!existsSync(HAPROXY)) {
    throw new Error(
      `${HAPROXY} is missing: install Debian's haproxy (apt-get install -y haproxy) to run these tests`,
    );
  }
  return HAPROXY;
};

export interface CheckResult {
  readonly ok: boolean;
  readonly output: string;
}

/** `haproxy -c` on `config`; `files` are written beside it first (e.g. a PEM). */
export const checkHaproxyConfig = (
  render: (dir: string) => string,
  files: Readonly<Record<string, string>> = {},
): CheckResult => {
  const binary = requireHaproxy();
  const dir = mkdtempSync(join(tmpdir(), 'berth-lb-check-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, render(dir));
    const run = spawnSync(binary, ['-c', '-f', file], { encoding: 'utf8', timeout: 20_000 });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
